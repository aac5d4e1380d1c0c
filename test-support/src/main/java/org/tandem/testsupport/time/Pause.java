package org.tandem.testsupport.time;

import java.time.Duration;

/** A pause in a test's polling loop, for code that cannot throw {@link InterruptedException}. */
public final class Pause {

    private Pause() {
    }

    /** Sleeps {@code duration}; an interrupt ends the test's wait with an exception, the thread still interrupted. */
    public static void of(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing", e);
        }
    }
}
