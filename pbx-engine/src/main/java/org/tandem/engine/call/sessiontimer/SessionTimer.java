package org.tandem.engine.call.sessiontimer;

import java.time.Duration;

/**
 * A session agreed for an answered call, as the caller's dialog sees it: {@code seconds} long,
 * refreshed by {@code refresher} (UAC: the caller; UAS: the callee, whose refreshes the node passes
 * on). The node refreshes nothing itself: it passes each refresh to the other phone and ends the call
 * when none came in time.
 */
public record SessionTimer(int seconds, Refresher refresher) {

    public SessionTimer {
        if (seconds <= 0) {
            throw new IllegalArgumentException("a session lasts a positive number of seconds: " + seconds);
        }
    }

    /** {@code Session-Expires} value for the caller's 2xx. */
    public String header() {
        return seconds + ";refresher=" + refresher.parameter();
    }

    /**
     * How long after the last refresh the side that does not refresh ends the session: the interval
     * less a third of it, at most 32 s (RFC 4028 10), so its BYE goes out before the session expires.
     */
    public Duration deadline() {
        return Duration.ofSeconds(seconds).minus(Duration.ofMillis(Math.min(32_000L, seconds * 1000L / 3)));
    }
}
