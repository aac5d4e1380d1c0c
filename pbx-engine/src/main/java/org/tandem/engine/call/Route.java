package org.tandem.engine.call;

import org.tandem.domain.voicemail.Mailbox;

import org.tandem.domain.registration.Registration;
import org.tandem.domain.ringgroup.RingGroup;

import java.util.List;
import java.util.Optional;

/** Whom a new call rings, as the {@link InviteHandler} looked it up: what the call's owner then does. */
sealed interface Route {

    /**
     * An extension's phones, all at once (never empty); with a mailbox, it answers when they are busy, fail or
     * ring for its no-answer time.
     */
    record Phones(List<Registration> phones, Optional<Mailbox> mailbox) implements Route {
    }

    /** A ring group of the caller's tenant, hunted through its members ({@link RingGroupHunt}). */
    record Group(RingGroup group) implements Route {
    }

    /**
     * Nobody to ring: the extension's mailbox answers, or without one the caller gets {@code status} (404 unknown
     * number, 480 no phone registered).
     */
    record Nobody(int status, Optional<Mailbox> mailbox) implements Route {

        Nobody(int status) {
            this(status, Optional.empty());
        }
    }
}
