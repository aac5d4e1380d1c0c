package org.tandem.ear;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The node's PostgreSQL seen from outside, as an operator's psql would, for the client-side tests. */
final class NodeDatabase {

    /** Tells this run's rows from earlier runs': the integration tests' database outlives a run. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private NodeDatabase() {
    }

    /** {@code name} made unique to this run, for domains and logins that a kept database may already hold. */
    static String unique(String name) {
        return name + "-" + RUN;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + Integer.getInteger("it.db.port") + "/tandem", "tandem", "tandem");
    }

    /** The first column of the first row, or null when there is none. */
    static String single(String query, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** Polls until the count the query returns is reached. */
    static void awaitCount(String query, int atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int count = 0;
        while (System.nanoTime() < deadline) {
            count = Integer.parseInt(single(query));
            if (count >= atLeast) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(count).as(query).isGreaterThanOrEqualTo(atLeast);
    }
}
