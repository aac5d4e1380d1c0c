package org.tandem.domain.throttle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureThrottleTest {

    /** A clock the test moves. */
    private static final class TestClock implements InstantSource {
        private Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private final TestClock clock = new TestClock();
    private final FailureThrottle throttle = new FailureThrottle("test",
            new ThrottlePolicy(3, 5, Duration.ofMinutes(1), Duration.ofMinutes(5), 1_000), clock);

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

    @Test
    void tellsHowLongABlockLasts() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("192.0.2.7", EXTENSION);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.blockedFor("192.0.2.7", EXTENSION)).isEqualTo(Duration.ofMinutes(4));
        assertThat(throttle.blockedFor("192.0.2.7")).isZero();
    }

    @Test
    void readsItsPolicyFromTheSettings() {
        Properties settings = new Properties();
        settings.setProperty(ThrottlePolicy.PER_ACCOUNT_PROPERTY, "3");
        settings.setProperty(ThrottlePolicy.BLOCK_PROPERTY, "60");
        ThrottlePolicy policy = ThrottlePolicy.fromProperties(settings);
        assertThat(policy.perAccountAndAddress()).isEqualTo(3);
        assertThat(policy.perAddress()).isEqualTo(ThrottlePolicy.DEFAULT.perAddress());
        assertThat(policy.block()).isEqualTo(Duration.ofMinutes(1));
        assertThat(ThrottlePolicy.fromProperties(new Properties())).isEqualTo(ThrottlePolicy.DEFAULT);

        settings.setProperty(ThrottlePolicy.PER_ADDRESS_PROPERTY, "2");
        assertThatThrownBy(() -> ThrottlePolicy.fromProperties(settings)).hasMessageContaining("per-address");
        settings.setProperty(ThrottlePolicy.PER_ADDRESS_PROPERTY, "many");
        assertThatThrownBy(() -> ThrottlePolicy.fromProperties(settings)).hasMessageContaining(ThrottlePolicy.PER_ADDRESS_PROPERTY);
    }
}
