package org.tandem.domain.extension;

import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDigest;

import java.util.Objects;
import java.util.UUID;

/**
 * What the engine needs to know about one SIP user name of one SIP domain: whose it is, whether its
 * tenant gets service, the digest hashes to check, how many phones may register for it, and the
 * tenant's plan (its calls are counted against it), and the digest algorithms its tenant chose.
 */
public record SipAccount(UUID tenantId, boolean tenantActive, ExtensionNumber number, SipCredentials credentials,
                         int maxContacts, PlanLimits plan, SipDigest digest) {

    public SipAccount {
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(number, "extension number");
        Objects.requireNonNull(credentials, "credentials");
        Extension.requireContactLimit(maxContacts);
        Objects.requireNonNull(plan, "plan limits");
        Objects.requireNonNull(digest, "digest algorithms");
    }
}
