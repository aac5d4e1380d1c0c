package org.tandem.storage.notification;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Listens on one PostgreSQL notification channel on a thread and a connection of its own, held open
 * for as long as it runs: LISTEN belongs to a session, and a pooled connection would be handed to
 * someone else between two waits. When the connection breaks it is opened again, after a pause
 * growing to 10 s, and the listener is told it may have missed notifications meanwhile.
 */
public final class PostgresChannel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PostgresChannel.class.getName());
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int WAIT_MILLIS = 500;
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    /** Opens a new connection to the node's database, outside any pool. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** The two callbacks of {@link #listen}. */
    private record Listener(Consumer<String> notified, Runnable mayHaveMissedNotifications) {
    }

    private final String channel;
    private final Connections connections;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean stopped;

    private PostgresChannel(String channel, Connections connections, Listener listener) {
        this.channel = channel;
        this.connections = connections;
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("tandem-listen-" + channel).unstarted(this::run);
    }

    /**
     * Starts listening on {@code channel}, handing each payload to {@code notified}; both callbacks run on the
     * channel's thread, so they must return quickly.
     *
     * @param mayHaveMissedNotifications runs once listening (again): whatever was notified before (at start, or
     *                                   while the connection was lost) went unheard
     */
    public static PostgresChannel listen(String channel, Connections connections, Consumer<String> notified,
                                         Runnable mayHaveMissedNotifications) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        PostgresChannel listening = new PostgresChannel(channel, Objects.requireNonNull(connections, "connections"),
                new Listener(Objects.requireNonNull(notified, "notified"),
                        Objects.requireNonNull(mayHaveMissedNotifications, "mayHaveMissedNotifications")));
        listening.thread.start();
        return listening;
    }

    /**
     * Starts listening on {@code channel}, whose payloads are ids (a tenant's, a login's), handing each to
     * {@code notified}; a payload that is no id is logged and skipped. As {@link #listen} otherwise.
     */
    public static PostgresChannel listenForIds(String channel, Connections connections, Consumer<UUID> notified,
                                               Runnable mayHaveMissedNotifications) {
        return listen(channel, connections, payload -> {
            UUID id;
            try {
                id = UUID.fromString(payload);
            } catch (IllegalArgumentException notAnId) {
                LOG.log(Level.WARNING, "Ignored a notice on {0} naming no id: {1}", channel, payload);
                return;
            }
            notified.accept(id);
        }, mayHaveMissedNotifications);
    }

    private void run() {
        Duration pause = FIRST_RETRY;
        boolean failed = false;
        while (!stopped) {
            try (Connection connection = connections.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                if (failed) {
                    LOG.log(Level.INFO, "Listening on channel {0} again", channel);
                }
                failed = false;
                pause = FIRST_RETRY;
                // nothing notified before this moment was heard
                listener.mayHaveMissedNotifications().run();
                relay(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                failed = true;
                LOG.log(Level.WARNING, "Not listening on channel {0}, trying again in {1} ms: {2}",
                        channel, pause.toMillis(), e.toString());
                if (!sleep(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
            }
        }
    }

    private void relay(PGConnection connection) throws SQLException {
        while (!stopped) {
            PGNotification[] notifications = connection.getNotifications(WAIT_MILLIS);
            if (notifications == null) {
                continue;
            }
            for (PGNotification notification : notifications) {
                try {
                    listener.notified().accept(notification.getParameter());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A listener of channel " + channel + " failed on '"
                            + notification.getParameter() + "'", e);
                }
            }
        }
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops listening and closes the connection; waits up to a second for the thread to end. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(1).plusMillis(WAIT_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
