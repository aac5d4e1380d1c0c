package org.tandem.engine;

import org.tandem.testsupport.time.Pause;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or time runs out: threads and sockets wind down asynchronously. */
public final class Eventually {

    private Eventually() {
    }

    public static void until(BooleanSupplier condition, Duration limit, Supplier<String> failure) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            Pause.of(Duration.ofMillis(20));
        }
    }
}
