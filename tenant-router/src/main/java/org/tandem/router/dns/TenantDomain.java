package org.tandem.router.dns;

import org.tandem.domain.tenant.SipDomain;

import java.util.Objects;

/** A tenant as DNS shows it: the SIP domain its phones register to, served by one pool. */
public record TenantDomain(SipDomain domain, String poolName) {

    public TenantDomain {
        Objects.requireNonNull(domain, "SIP domain");
        Objects.requireNonNull(poolName, "pool name");
    }
}
