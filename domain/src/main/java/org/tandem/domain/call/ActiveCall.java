package org.tandem.domain.call;

import java.time.Instant;
import java.util.UUID;

/**
 * A call up now on some node, as that node published it: ringing until {@code answeredAt} is set.
 * Its id is the id its call record gets when it ends.
 *
 * @param caller     the calling extension's number
 * @param callee     the dialled number, as dialled
 * @param answeredAt null while it rings
 */
public record ActiveCall(UUID id, UUID tenantId, UUID nodeId, String caller, String callee, Instant startedAt,
                         Instant answeredAt) {

    public enum State { RINGING, ANSWERED }

    public ActiveCall {
        CallChecks.requireCall(id, tenantId, nodeId, caller, callee, startedAt, answeredAt);
    }

    public State state() {
        return answeredAt == null ? State.RINGING : State.ANSWERED;
    }
}
