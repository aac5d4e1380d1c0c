package org.tandem.domain.extension;

import org.tandem.domain.tenant.SipDomain;

/**
 * News that SIP accounts changed, wherever they were changed (on this node or, replicated, on
 * another): an extension added, removed or given a new password or contact limit, a tenant
 * suspended, resumed, re-planned or renamed. Whoever keeps accounts in memory drops what the news
 * names and reads it again.
 */
public interface SipAccountChanges {

    /** Told of changes on a thread of the feed; must return quickly. */
    interface Listener {

        /** The account {@code username} of {@code domain} changed, appeared or is gone. */
        void accountChanged(SipDomain domain, String username);

        /** Every account of {@code domain} may have changed (its tenant's status, plan or domain). */
        void domainChanged(SipDomain domain);

        /** The feed was interrupted: any account may have changed meanwhile. */
        void mayHaveMissedChanges();
    }

    /** Starts telling {@code listener}; closing the result stops it. */
    AutoCloseable start(Listener listener);

    /** No news ever: for engines whose accounts never change while they run (tests without a database). */
    SipAccountChanges NONE = listener -> () -> {
    };
}
