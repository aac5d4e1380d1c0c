package org.tandem.api.calls;

import org.tandem.administration.calls.LiveCall;

import java.time.Instant;

/**
 * One call up now.
 *
 * @param callerName the calling extension's name, or absent
 * @param calleeName the dialled extension's name, or absent (a ring group, a deleted extension)
 * @param state      RINGING or ANSWERED
 * @param node       the node handling the call
 * @param answeredAt absent while it rings
 */
public record ActiveCall(String caller, String callerName, String callee, String calleeName, String state, String node,
                         Instant startedAt, Instant answeredAt) {

    static ActiveCall of(LiveCall call) {
        return new ActiveCall(call.caller(), call.callerName().isEmpty() ? null : call.callerName(), call.callee(),
                call.calleeName().isEmpty() ? null : call.calleeName(), call.state().name(), call.node(),
                call.startedAt(), call.answeredAt());
    }
}
