package org.tandem.domain.voicemail;

import java.util.UUID;

/**
 * News that a mailbox's messages changed, wherever they were changed (a message recorded, saved or
 * deleted on this node or, replicated, on another): whoever shows a mailbox's lamp reads its counts again.
 */
public interface VoicemailChanges {

    /** Told of changes on a thread of the feed; must return quickly. */
    interface Listener {

        /** The messages of mailbox {@code mailboxId} changed. */
        void mailboxChanged(UUID mailboxId);

        /** The feed was interrupted: any mailbox may have changed meanwhile. */
        void mayHaveMissedChanges();
    }

    /** Starts telling {@code listener}; closing the result stops it. */
    AutoCloseable start(Listener listener);

    /** No news ever: for engines without voicemail (tests without a database). */
    VoicemailChanges NONE = listener -> () -> {
    };
}
