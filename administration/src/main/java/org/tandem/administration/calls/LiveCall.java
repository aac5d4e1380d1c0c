package org.tandem.administration.calls;

import org.tandem.domain.call.ActiveCall;

import java.time.Instant;

/**
 * One call up now, as a person reads it.
 *
 * @param callerName the calling extension's name, or empty
 * @param calleeName the dialled extension's name, or empty (a ring group, a deleted extension)
 * @param answeredAt null while it rings
 */
public record LiveCall(String caller, String callerName, String callee, String calleeName, ActiveCall.State state,
                       String node, Instant startedAt, Instant answeredAt) {
}
