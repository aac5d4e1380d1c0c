package org.tandem.administration.shared;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Telling the watchers of a live view that something changed. */
public final class Watchers {

    private Watchers() {
    }

    /**
     * Runs each of {@code watchers}; one that fails (a closed browser tab, say) is logged to {@code log}
     * as {@code failure} and the rest are still told.
     */
    public static void tellAll(Iterable<Runnable> watchers, Logger log, String failure) {
        for (Runnable watcher : watchers) {
            try {
                watcher.run();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, failure, e);
            }
        }
    }
}
