package org.tandem.domain.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One call attempt, as written once when it ended (a CDR). The duration is not stored: it is the
 * time from {@code answeredAt} to {@code endedAt}.
 *
 * @param caller     the calling extension's number (or user part)
 * @param callee     the dialled number, as dialled
 * @param answeredAt null if nobody answered
 * @param sipCause   the final SIP status of the attempt (200 for an answered call)
 */
public record CallRecord(UUID id, UUID tenantId, UUID nodeId, String caller, String callee, Instant startedAt,
                         Instant answeredAt, Instant endedAt, CallDisposition disposition, int sipCause) {

    public CallRecord {
        CallChecks.requireCall(id, tenantId, nodeId, caller, callee, startedAt, answeredAt);
        Objects.requireNonNull(endedAt, "ended at");
        Objects.requireNonNull(disposition, "disposition");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("a call cannot end before it started");
        }
        if (answeredAt != null && answeredAt.isAfter(endedAt)) {
            throw new IllegalArgumentException("a call is answered before it ends");
        }
        if (sipCause < 100 || sipCause > 699) {
            throw new IllegalArgumentException("not a SIP status: " + sipCause);
        }
    }

    /** How long the parties talked; empty if nobody answered. */
    public Optional<Duration> talkTime() {
        return Optional.ofNullable(answeredAt).map(answered -> Duration.between(answered, endedAt));
    }
}
