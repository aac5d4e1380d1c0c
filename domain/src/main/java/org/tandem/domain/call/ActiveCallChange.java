package org.tandem.domain.call;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What happened to one call a node handles: it is up in a new state (ringing, answered), or it
 * ended ({@code now} empty). Only the last change of a call matters, so changes are keyed by call.
 */
public record ActiveCallChange(UUID callId, Optional<ActiveCall> now) {

    public ActiveCallChange {
        Objects.requireNonNull(callId, "call id");
        Objects.requireNonNull(now, "now");
        if (now.isPresent() && !now.get().id().equals(callId)) {
            throw new IllegalArgumentException("a change of call " + callId + " carries call " + now.get().id());
        }
    }

    public static ActiveCallChange up(ActiveCall call) {
        return new ActiveCallChange(call.id(), Optional.of(call));
    }

    public static ActiveCallChange ended(UUID callId) {
        return new ActiveCallChange(callId, Optional.empty());
    }
}
