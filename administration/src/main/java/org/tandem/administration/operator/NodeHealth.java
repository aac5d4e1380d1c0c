package org.tandem.administration.operator;

import org.tandem.domain.node.NodeHeartbeats.Heartbeat;

import java.time.Duration;
import java.time.Instant;

/** A node's health as the cluster sees it, from its heartbeat (every {@link #HEARTBEAT}). */
public enum NodeHealth {
    /** Its heartbeat is recent and its SIP engine listens. */
    UP,
    /** Its heartbeat is recent but its SIP engine does not listen: it takes no phones. */
    SIP_DOWN,
    /** No heartbeat for {@link #SILENT_AFTER}: the node is down, or cut off from this one. */
    SILENT,
    /** It never wrote a heartbeat (a node of an older release, or one that never started). */
    UNKNOWN;

    /** How often a node writes its heartbeat. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** Three heartbeats missed. */
    public static final Duration SILENT_AFTER = HEARTBEAT.multipliedBy(3);

    /** The health of a node whose last heartbeat is {@code beat} (null: none), at {@code now}. */
    public static NodeHealth of(Heartbeat beat, Instant now) {
        if (beat == null) {
            return UNKNOWN;
        }
        if (beat.seenAt().isBefore(now.minus(SILENT_AFTER))) {
            return SILENT;
        }
        return beat.sipUp() ? UP : SIP_DOWN;
    }
}
