package org.tandem.storage.notification;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.tandem.domain.registration.RegistrationFeed;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The registration feed from channel {@code registration_changed} (migration V10's trigger), on one
 * connection of its own held open for as long as the feed runs: a pooled connection would be handed
 * to someone else between two waits, and LISTEN belongs to a session. When the connection breaks it
 * is opened again with a growing pause, and listeners are told they may have missed changes.
 */
public final class PostgresRegistrationFeed implements RegistrationFeed {

    static final String CHANNEL = "registration_changed";
    private static final System.Logger LOG = System.getLogger(PostgresRegistrationFeed.class.getName());
    private static final int WAIT_MILLIS = 1_000;
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    /** Opens a new connection to the node's database, outside any pool. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;

    public PostgresRegistrationFeed(Connections connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public AutoCloseable start(Listener listener) {
        Run run = new Run(listener);
        Thread thread = Thread.ofPlatform().daemon().name("tandem-registration-feed").start(run);
        return () -> {
            run.stopped = true;
            thread.interrupt();
            thread.join(Duration.ofSeconds(5));
        };
    }

    private final class Run implements Runnable {

        private final Listener listener;
        private volatile boolean stopped;

        Run(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void run() {
            Duration pause = FIRST_RETRY;
            boolean listenedBefore = false;
            while (!stopped) {
                try (Connection connection = connections.open()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("LISTEN " + CHANNEL);
                    }
                    if (listenedBefore) {
                        LOG.log(Level.INFO, "Listening to registration changes again");
                        listener.mayHaveMissedChanges();
                    }
                    listenedBefore = true;
                    pause = FIRST_RETRY;
                    relay(connection.unwrap(PGConnection.class));
                } catch (SQLException | RuntimeException e) {
                    if (stopped) {
                        return;
                    }
                    LOG.log(Level.WARNING, "Registration changes not heard, retrying in {0} ms: {1}",
                            pause.toMillis(), e.toString());
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
                    tell(notification.getParameter());
                }
            }
        }

        private void tell(String payload) {
            UUID tenantId;
            try {
                tenantId = UUID.fromString(payload);
            } catch (IllegalArgumentException notATenant) {
                LOG.log(Level.WARNING, "Ignored a registration change naming no tenant: {0}", payload);
                return;
            }
            try {
                listener.changed(tenantId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener failed on a registration change of tenant " + tenantId, e);
            }
        }

        private boolean sleep(Duration pause) {
            try {
                Thread.sleep(pause);
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }
    }
}
