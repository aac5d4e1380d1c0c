package org.tandem.domain.account;

/** Who a portal login acts for. Each role sees one scope: the whole cluster, one reseller, or one tenant. */
public enum Role {
    OPERATOR,
    RESELLER_ADMIN,
    TENANT_ADMIN,
    TENANT_USER
}
