package org.tandem.domain.call;

import java.time.Instant;
import java.util.Objects;
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
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(nodeId, "node");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(startedAt, "started at");
        if (answeredAt != null && answeredAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("a call is answered after it started");
        }
    }

    public State state() {
        return answeredAt == null ? State.RINGING : State.ANSWERED;
    }
}
