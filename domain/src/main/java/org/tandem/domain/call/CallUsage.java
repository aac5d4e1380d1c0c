package org.tandem.domain.call;

/** How much a tenant called in some period: call attempts, and seconds talked on answered calls. */
public record CallUsage(long calls, long talkSeconds) {

    public static final CallUsage NONE = new CallUsage(0, 0);
}
