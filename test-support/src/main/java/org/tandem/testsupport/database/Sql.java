package org.tandem.testsupport.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL with bound parameters, for what a test reads or changes in a database beyond its builders. */
public final class Sql {

    private Sql() {
    }

    /** Runs {@code sql} with {@code parameters} in a transaction of its own. */
    public static void execute(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection()) {
            execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs {@code sql} with {@code parameters} on {@code connection}, in its transaction if one is open. */
    public static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        }
    }

    /** The first column of what {@code sql} gives, as strings. */
    public static List<String> strings(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection()) {
            return strings(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of what {@code sql} gives on {@code connection} (in its transaction, if one is open), as strings. */
    public static List<String> strings(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /**
     * Waits, ten seconds at most, until some connection to {@code database} waits for an advisory lock
     * (one the test holds); {@code waiter} names who should be waiting, for the failure.
     */
    public static void awaitAdvisoryLockWaiter(DataSource database, String waiter) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!strings(database, "select pid from pg_locks where locktype = 'advisory' and not granted").isEmpty()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(waiter + " never waited for the advisory lock");
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
