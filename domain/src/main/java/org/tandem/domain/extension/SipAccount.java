package org.tandem.domain.extension;

import java.util.Objects;
import java.util.UUID;

/**
 * What the registrar needs to know about one SIP user name of one SIP domain: whose it is, whether
 * its tenant gets service, the digest hashes to check, and how many phones may register for it.
 */
public record SipAccount(UUID tenantId, boolean tenantActive, ExtensionNumber number, SipCredentials credentials,
                         int maxContacts) {

    public SipAccount {
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(number, "extension number");
        Objects.requireNonNull(credentials, "credentials");
        Extension.requireContactLimit(maxContacts);
    }
}
