package org.tandem.portal.security;

import org.junit.jupiter.api.Test;
import org.tandem.domain.throttle.ThrottlePolicy;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private static final ThrottlePolicy POLICY = ThrottlePolicy.DEFAULT;

    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle().with(POLICY, () -> now);

    /** Issue #11: five wrong passwords from anywhere locked an admin out of every address. */
    @Test
    void failuresFromOneAddressPauseTheUsernameThereButNotFromAnotherAddress() {
        for (int i = 0; i < POLICY.perAccountAndAddress(); i++) {
            assertThat(throttle.allows("alice", "192.0.2.1")).isTrue();
            throttle.failed("Alice", "192.0.2.1");
        }
        assertThat(throttle.allows("ALICE", "192.0.2.1")).as("the guessing address").isFalse();
        assertThat(throttle.allows("alice", "198.51.100.9")).as("the rightful user elsewhere").isTrue();
        assertThat(throttle.allows("bob", "192.0.2.1")).as("another username from there").isTrue();

        now = now.plus(POLICY.block()).plusSeconds(1);
        assertThat(throttle.allows("alice", "192.0.2.1")).isTrue();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotBlock() {
        for (int i = 0; i < 3 * POLICY.perAccountAndAddress(); i++) {
            throttle.failed("carol", "192.0.2.10");
            now = now.plus(Duration.ofSeconds(20));
        }
        assertThat(throttle.allows("carol", "192.0.2.10")).isTrue();
    }

    @Test
    void oneAddressTryingManyUsernamesIsBlocked() {
        for (int i = 0; i < POLICY.perAddress(); i++) {
            throttle.failed("user" + i, "203.0.113.5");
        }
        assertThat(throttle.allows("someone-new", "203.0.113.5")).isFalse();
        assertThat(throttle.allows("someone-new", "203.0.113.6")).isTrue();
    }
}
