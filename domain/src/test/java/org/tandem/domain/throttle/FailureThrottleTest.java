package org.tandem.domain.throttle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;

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
    void slowTriesInParallelFromOneAddressGetNoMoreGuessesThanTheLimit() throws Exception {
        int tries = 10;
        ExecutorService guessers = Executors.newFixedThreadPool(tries);
        try {
            CountDownLatch ready = new CountDownLatch(1);
            List<Future<FailureThrottle.Attempt>> attempts = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                attempts.add(guessers.submit(() -> {
                    ready.await();
                    return throttle.attempt("192.0.2.9", EXTENSION, () -> {
                        sleep(Duration.ofMillis(50)); // a slow hash of a wrong secret
                        return false;
                    });
                }));
            }
            ready.countDown();
            List<FailureThrottle.Attempt> seen = new ArrayList<>();
            for (Future<FailureThrottle.Attempt> attempt : attempts) {
                seen.add(attempt.get(30, TimeUnit.SECONDS));
            }
            assertThat(seen).filteredOn(FailureThrottle.Failed.class::isInstance).as("secrets looked at").hasSize(3);
            assertThat(seen).filteredOn(FailureThrottle.Refused.class::isInstance).hasSize(tries - 3);
        } finally {
            guessers.shutdownNow();
        }
        assertThat(throttle.attempt("192.0.2.10", EXTENSION, () -> true)).as("from elsewhere")
                .isEqualTo(new FailureThrottle.Passed());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

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
    void aFullTableDropsTheLeastRecentlyFailedAndKeepsAKeyOneFailureShortOfItsBlock() {
        FailureThrottle small = new FailureThrottle("test",
                new ThrottlePolicy(3, 1_000, Duration.ofMinutes(1), Duration.ofMinutes(5), 100), clock);
        for (int i = 0; i < 40; i++) {
            small.recordFailure("10.0.0." + i, EXTENSION);
        }
        small.recordFailure("192.0.2.7", EXTENSION);
        small.recordFailure("192.0.2.7", EXTENSION);
        for (int i = 0; i < 20; i++) {
            small.recordFailure("10.0.1." + i, EXTENSION);
        }
        assertThat(small.trackedKeys()).isLessThanOrEqualTo(100);

        small.recordFailure("192.0.2.7", EXTENSION);

        assertThat(small.isBlocked("192.0.2.7", EXTENSION)).as("its two earlier failures were kept").isTrue();
    }

    /**
     * Flooding threads fail for new keys, so counters are evicted all the time, while another thread drives
     * one key after another to its block, one failure per step. A step adds far fewer keys than the table
     * holds, so only counters untouched for steps are evicted: every block starts, and holds.
     */
    @Test
    @Timeout(60)
    void blocksStartAndHoldWhileOtherThreadsForceEvictions() throws Exception {
        int tableSize = 200;
        int flooders = 4;
        int failuresPerStep = 5;
        int rounds = 50;
        FailureThrottle throttle = new FailureThrottle("test",
                new ThrottlePolicy(3, 1_000, Duration.ofMinutes(1), Duration.ofMinutes(5), tableSize),
                InstantSource.fixed(Instant.parse("2026-12-07T10:00:00Z")));
        int steps = rounds * 3;
        Phaser step = new Phaser(flooders + 1);
        ExecutorService threads = Executors.newFixedThreadPool(flooders + 1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int f = 0; f < flooders; f++) {
                int flooder = f;
                done.add(threads.submit(() -> {
                    try {
                        for (int s = 0; s < steps; s++) {
                            for (int i = 0; i < failuresPerStep; i++) {
                                throttle.recordFailure("10." + flooder + "." + s + "." + i, "flood" + s + "x" + i);
                            }
                            step.arriveAndAwaitAdvance();
                        }
                    } finally {
                        step.arriveAndDeregister();
                    }
                    return null;
                }));
            }
            List<String> unblocked = new ArrayList<>();
            done.add(threads.submit(() -> {
                try {
                    for (int round = 0; round < rounds; round++) {
                        for (int failure = 0; failure < 3; failure++) {
                            throttle.recordFailure("192.0.2.1", "victim" + round);
                            step.arriveAndAwaitAdvance();
                        }
                        if (!throttle.isBlocked("192.0.2.1", "victim" + round)) {
                            unblocked.add("victim" + round);
                        }
                    }
                } finally {
                    step.arriveAndDeregister();
                }
                return null;
            }));
            for (Future<?> each : done) {
                each.get(50, TimeUnit.SECONDS);
            }

            assertThat(unblocked).as("keys whose block was lost").isEmpty();
            for (int round = 0; round < rounds; round++) {
                assertThat(throttle.isBlocked("192.0.2.1", "victim" + round)).as("block " + round + " still holds").isTrue();
            }
            assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(tableSize + flooders + 1);
        } finally {
            threads.shutdownNow();
        }
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
