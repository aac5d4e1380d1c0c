package org.tandem.engine.auth;

import org.junit.jupiter.api.Test;
import org.tandem.engine.registrar.TestClock;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthThrottleTest {

    private final TestClock clock = new TestClock();
    private final AuthThrottle throttle = new AuthThrottle(
            new AuthThrottle.Limits(3, 5, Duration.ofMinutes(1), Duration.ofMinutes(5), 1_000), clock);

    private static final String EXTENSION = "101@acme.example.com";

    @Test
    void blocksTheExtensionFromThatAddressOnlyOnceTheLimitIsReached() {
        throttle.recordFailure("192.0.2.7", EXTENSION);
        throttle.recordFailure("192.0.2.7", EXTENSION);
        assertThat(throttle.isBlocked("192.0.2.7", EXTENSION)).isFalse();

        throttle.recordFailure("192.0.2.7", EXTENSION);

        assertThat(throttle.isBlocked("192.0.2.7", EXTENSION)).isTrue();
        assertThat(throttle.isBlocked("192.0.2.7", "102@acme.example.com")).as("other extensions").isFalse();
        assertThat(throttle.isBlocked("192.0.2.8", EXTENSION)).as("the rightful phone elsewhere").isFalse();
        assertThat(throttle.isBlocked("192.0.2.7")).as("the address as a whole").isFalse();

        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.isBlocked("192.0.2.7", EXTENSION)).as("the block ends").isFalse();
    }

    @Test
    void blocksTheWholeAddressWhenItTriesManyExtensions() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("192.0.2.9", "1" + i + "0@acme.example.com");
        }

        assertThat(throttle.isBlocked("192.0.2.9")).isTrue();
        assertThat(throttle.isBlocked("192.0.2.9", "999@acme.example.com")).isTrue();
        assertThat(throttle.isBlocked("192.0.2.10")).isFalse();
    }

    @Test
    void failuresFurtherApartThanTheWindowNeverAddUp() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("192.0.2.7", EXTENSION);
            throttle.recordFailure("192.0.2.7", EXTENSION);
            clock.advance(Duration.ofSeconds(61));
        }
        assertThat(throttle.isBlocked("192.0.2.7", EXTENSION)).isFalse();
    }

    @Test
    void keepsBoundedMemoryUnderAFloodFromManyAddresses() {
        for (int i = 0; i < 10_000; i++) {
            throttle.recordFailure("10.0." + (i / 256) + "." + (i % 256), EXTENSION);
        }
        assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(1_000);
        throttle.recordFailure("192.0.2.7", EXTENSION);
        throttle.recordFailure("192.0.2.7", EXTENSION);
        throttle.recordFailure("192.0.2.7", EXTENSION);
        assertThat(throttle.isBlocked("192.0.2.7", EXTENSION)).as("still counting after making room").isTrue();
    }
}
