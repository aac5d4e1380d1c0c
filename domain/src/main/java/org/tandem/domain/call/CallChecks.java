package org.tandem.domain.call;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What holds for a call from its first ring to its record: while it is up ({@link ActiveCall}) and once it ended. */
final class CallChecks {

    private CallChecks() {
    }

    /** Throws unless every field a call always has is present and it was answered, if at all, after it started. */
    static void requireCall(UUID id, UUID tenantId, UUID nodeId, String caller, String callee, Instant startedAt,
                            Instant answeredAt) {
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
}
