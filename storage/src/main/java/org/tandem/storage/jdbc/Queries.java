package org.tandem.storage.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One statement on a pooled connection of its own: its parameters set in order (an {@link Instant} as a
 * UTC timestamp), its rows read, and any {@link SQLException} turned into a {@link StorageException}
 * saying what could not be done.
 */
final class Queries {

    /** Reads a value from a result set: from its current row, or from all its rows. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private Queries() {
    }

    /** Every row, in the statement's order. */
    static <T> List<T> list(DataSource dataSource, String failure, String sql, Reader<T> row, Object... parameters) {
        return read(dataSource, failure, sql, rows -> {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add(row.read(rows));
            }
            return values;
        }, parameters);
    }

    /** The first row, if there is one. */
    static <T> Optional<T> first(DataSource dataSource, String failure, String sql, Reader<T> row,
                                 Object... parameters) {
        return read(dataSource, failure, sql, rows -> rows.next() ? Optional.of(row.read(rows)) : Optional.empty(),
                parameters);
    }

    /** A key and a value from each row, in the statement's order; a later row wins a key read twice. */
    static <K, V> Map<K, V> map(DataSource dataSource, String failure, String sql, Reader<K> key, Reader<V> value,
                                Object... parameters) {
        return read(dataSource, failure, sql, rows -> {
            Map<K, V> values = new LinkedHashMap<>();
            while (rows.next()) {
                values.put(key.read(rows), value.read(rows));
            }
            return values;
        }, parameters);
    }

    /** What {@code result} reads from all the rows. */
    static <T> T read(DataSource dataSource, String failure, String sql, Reader<T> result, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepared(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return result.read(rows);
        } catch (SQLException e) {
            throw new StorageException(failure, e);
        }
    }

    /** Runs an insert, update or delete; returns how many rows it changed. */
    static int update(DataSource dataSource, String failure, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepared(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(failure, e);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object[] parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof Instant instant
                        ? instant.atOffset(ZoneOffset.UTC) : parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
