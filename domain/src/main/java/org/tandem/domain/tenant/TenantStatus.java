package org.tandem.domain.tenant;

/** Whether a tenant's phones get service. A suspended tenant keeps its data; its phones are refused. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
