package org.tandem.domain.extension;

import org.tandem.domain.tenant.SipDigest;
import org.tandem.domain.tenant.SipDomain;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the SIP accounts phones authenticate as: one per extension, found by the tenant's
 * SIP domain (the digest realm) and the extension number (the digest user name). A lookup never
 * crosses tenants: the same number in another domain is another account.
 */
public interface SipAccounts {

    /** The account {@code username} of {@code domain}, or empty if the domain or the extension does not exist. */
    Optional<SipAccount> find(SipDomain domain, String username);

    /**
     * The digest algorithms the tenant of {@code domain} chose, to challenge a phone before anything
     * about its user is looked up; the default for a domain no tenant has, so that an unknown domain
     * is challenged exactly like a known one. The default for every domain where no tenant chooses
     * (an account source of a test).
     */
    default SipDigest digestOf(SipDomain domain) {
        return SipDigest.DEFAULT;
    }

    /** An account with the domain it is found in. */
    record InDomain(SipDomain domain, SipAccount account) {
    }

    /**
     * Accounts of every domain, at most {@code limit} of them, read at one moment: for whoever keeps
     * accounts in memory. None where listing makes no sense (an account source of a test).
     */
    default List<InDomain> all(int limit) {
        return List.of();
    }
}
