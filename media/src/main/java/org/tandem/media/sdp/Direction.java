package org.tandem.media.sdp;

import java.util.Arrays;
import java.util.Optional;

/** Which way media flows on a stream, from the describing side's point of view (RFC 3264 section 5.1). */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    /** Whether the side that wrote this sends media. */
    public boolean sends() {
        return sends;
    }

    /** Whether the side that wrote this takes media. */
    public boolean receives() {
        return receives;
    }

    /** The direction an answer takes to this offered one: what they send we receive, and the reverse. */
    public Direction mirror() {
        return of(receives, sends);
    }

    /** The attribute's name, as in {@code a=sendonly}. */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<Direction> ofAttribute(String attribute) {
        return Arrays.stream(values()).filter(direction -> direction.attribute().equals(attribute)).findFirst();
    }

    static Direction of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }
}
