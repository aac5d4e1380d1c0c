package org.tandem.domain.extension;

import org.tandem.domain.tenant.SipDomain;

import java.util.Optional;

/**
 * Read access to the SIP accounts phones authenticate as: one per extension, found by the tenant's
 * SIP domain (the digest realm) and the extension number (the digest user name). A lookup never
 * crosses tenants: the same number in another domain is another account.
 */
public interface SipAccounts {

    /** The account {@code username} of {@code domain}, or empty if the domain or the extension does not exist. */
    Optional<SipAccount> find(SipDomain domain, String username);
}
