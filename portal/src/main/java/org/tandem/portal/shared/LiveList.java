package org.tandem.portal.shared;

import com.vaadin.flow.component.UI;

import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a live view keeps what it shows current without polling: a service's watch tells of a change
 * on the feed's thread; the view's data is read there, then handed to the UI under its session lock
 * and pushed over the UI's WebSocket (the shell's push mode is manual; a UI without push, as in
 * tests, skips that).
 */
public final class LiveList {

    private static final System.Logger LOG = System.getLogger(LiveList.class.getName());

    private LiveList() {
    }

    /**
     * Starts watching with {@code watch} (a service's watch, given what to run on a change); on each
     * change, {@code read} and {@code show} the result in {@code ui}. Close the handle when the view
     * detaches.
     */
    public static <T> AutoCloseable follow(UI ui, Function<Runnable, AutoCloseable> watch, Supplier<T> read,
                                           Consumer<T> show) {
        return watch.apply(() -> {
            T current = read.get();
            ui.access(() -> {
                show.accept(current);
                if (ui.getPushConfiguration().getPushMode().isEnabled()) {
                    ui.push();
                }
            });
        });
    }

    /** Stops a watch {@link #follow} started; {@code what} names it for the log. */
    public static void stop(AutoCloseable watching, String what) {
        if (watching == null) {
            return;
        }
        try {
            watching.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not stop watching " + what, e);
        }
    }
}
