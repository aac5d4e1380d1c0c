package org.tandem.engine.call;

import org.tandem.domain.registration.Registration;
import org.tandem.domain.ringgroup.RingGroup;

import java.util.List;

/** Whom a new call rings, as the {@link InviteHandler} looked it up: what the call's owner then does. */
sealed interface Route {

    /** An extension's phones, all at once (never empty). */
    record Phones(List<Registration> phones) implements Route {
    }

    /** A ring group of the caller's tenant, hunted through its members ({@link RingGroupHunt}). */
    record Group(RingGroup group) implements Route {
    }

    /** Nobody to ring: the caller gets {@code status} (404 unknown number, 480 no phone registered). */
    record Nobody(int status) implements Route {
    }
}
