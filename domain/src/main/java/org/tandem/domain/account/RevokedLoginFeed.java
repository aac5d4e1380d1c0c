package org.tandem.domain.account;

import java.util.UUID;

/**
 * Tells, as it happens, of portal logins whose sign-ins must end: removed, or given a new password,
 * on whichever node. A browser signed in with such a login is signed out.
 */
@FunctionalInterface
public interface RevokedLoginFeed {

    /** Starts telling {@code listener} until the returned handle is closed. */
    AutoCloseable start(Listener listener);

    interface Listener {

        /** The login {@code accountId} was removed or its password changed. */
        void revoked(UUID accountId);

        /** Revocations may have been missed (the feed was down a while, or just started): check every sign-in. */
        void mayHaveMissedRevocations();
    }
}
