package org.tandem.domain.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One binding: an address of record reachable at one contact URI until it expires, taken by one
 * node. Call-ID and CSeq are kept to order the phone's later REGISTERs (RFC 3261 10.3 step 7), the
 * instance id (RFC 5626 {@code +sip.instance}) to recognise the same phone under a new contact.
 *
 * @param instanceId the phone's {@code +sip.instance}, or null if it sent none
 * @param userAgent  the phone's User-Agent, or null
 */
public record Registration(UUID id, UUID nodeId, AddressOfRecord aor, String contactUri, String instanceId,
                           Flow flow, String callId, long cseq, String userAgent,
                           Instant registeredAt, Instant expiresAt) {

    public Registration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nodeId, "node");
        Objects.requireNonNull(aor, "address of record");
        Objects.requireNonNull(contactUri, "contact");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(callId, "Call-ID");
        Objects.requireNonNull(registeredAt, "registered at");
        Objects.requireNonNull(expiresAt, "expires at");
        if (cseq < 0) {
            throw new IllegalArgumentException("CSeq is negative: " + cseq);
        }
        if (!expiresAt.isAfter(registeredAt)) {
            throw new IllegalArgumentException("a binding must expire after it was registered");
        }
    }

    /** A binding taken now by {@code nodeId}, expiring {@code lifetime} later. */
    public static Registration taken(UUID nodeId, AddressOfRecord aor, String contactUri, String instanceId, Flow flow,
                                     String callId, long cseq, String userAgent, Instant now, Duration lifetime) {
        return new Registration(UUID.randomUUID(), nodeId, aor, contactUri, instanceId, flow, callId, cseq, userAgent,
                now, now.plus(lifetime));
    }

    public Optional<String> instance() {
        return Optional.ofNullable(instanceId);
    }

    public boolean isActiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** Whole seconds left before it expires (rounded up, so an active binding never shows 0). */
    public long secondsLeftAt(Instant now) {
        long millis = Duration.between(now, expiresAt).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }
}
