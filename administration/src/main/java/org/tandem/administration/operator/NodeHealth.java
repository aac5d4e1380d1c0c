package org.tandem.administration.operator;

import java.time.Duration;

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
}
