package org.tandem.administration.apitoken;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class FailureThrottleTest {

    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    private final InstantSource clock = () -> Instant.ofEpochMilli(millis.get());
    private final FailureThrottle throttle = new FailureThrottle(new FailureThrottle.Limits(5, Duration.ofSeconds(30), 3), clock);

    @Test
    void aBurstOfFailuresThenOneTryPerInterval() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("a", "token");
            assertThat(throttle.waitFor("a")).isZero();
        }
        throttle.recordFailure("a", "token");
        assertThat(throttle.waitFor("a")).isEqualTo(Duration.ofSeconds(30));

        millis.addAndGet(10_000);
        assertThat(throttle.waitFor("a")).isEqualTo(Duration.ofSeconds(20));
        millis.addAndGet(20_000);
        assertThat(throttle.waitFor("a")).isZero();

        throttle.recordFailure("a", "token");
        assertThat(throttle.waitFor("a")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("b")).isZero();
    }

    @Test
    void aRareFailureIsForgivenBeforeTheNext() {
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("cron", "expired token");
            millis.addAndGet(60_000);
            assertThat(throttle.waitFor("cron")).isZero();
        }
    }

    @Test
    void trackingIsBoundedAndNeverBlocksAnAddressThatDidNotFail() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("scanner-" + i, "token");
        }
        assertThat(throttle.waitFor("someone-else")).isZero();
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("guesser", "token");
        }
        assertThat(throttle.waitFor("guesser")).isPositive();
    }
}
