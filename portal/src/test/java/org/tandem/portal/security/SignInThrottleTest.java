package org.tandem.portal.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle().withClock(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void fiveFailuresInAMinuteBlockTheUsernameFromEverywhereForFiveMinutes() {
        for (int i = 0; i < SignInThrottle.PER_USERNAME; i++) {
            assertThat(throttle.allows("alice", "192.0.2." + i)).isTrue();
            throttle.failed("Alice", "192.0.2." + i);
        }
        assertThat(throttle.allows("ALICE", "198.51.100.9")).isFalse();
        assertThat(throttle.allows("bob", "198.51.100.9")).isTrue();

        now = now.plus(SignInThrottle.BLOCK).plusSeconds(1);
        assertThat(throttle.allows("alice", "198.51.100.9")).isTrue();
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotBlock() {
        for (int i = 0; i < 3 * SignInThrottle.PER_USERNAME; i++) {
            throttle.failed("carol", "192.0.2.1" + i % 3);
            now = now.plus(Duration.ofSeconds(20));
        }
        assertThat(throttle.allows("carol", "192.0.2.99")).isTrue();
    }

    @Test
    void oneAddressTryingManyUsernamesIsBlocked() {
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            throttle.failed("user" + i, "203.0.113.5");
        }
        assertThat(throttle.allows("someone-new", "203.0.113.5")).isFalse();
        assertThat(throttle.allows("someone-new", "203.0.113.6")).isTrue();
    }
}
