package org.tandem.storage.jdbc;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Many rows for one statement, passed as one array parameter per column and turned back into rows
 * by {@code unnest(...)} in the SQL: any number of rows is one statement and one round trip, where a
 * JDBC batch would be a statement per row.
 */
final class ArrayColumns {

    private final String[] types;
    private final Object[][] columns;

    /** @param types each column's PostgreSQL element type, as {@link Connection#createArrayOf} names it */
    ArrayColumns(int rows, String... types) {
        this.types = types.clone();
        this.columns = new Object[types.length][rows];
    }

    /** Sets the value of {@code column} (from 0) in {@code row}; null is SQL NULL. */
    ArrayColumns set(int row, int column, Object value) {
        columns[column][row] = value;
        return this;
    }

    /** Runs {@code sql}, whose parameters are the columns in order; returns the rows it changed. */
    int executeUpdate(Connection connection, String sql) throws SQLException {
        List<Array> arrays = new ArrayList<>(types.length);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int c = 0; c < types.length; c++) {
                Array array = connection.createArrayOf(types[c], columns[c]);
                arrays.add(array);
                statement.setArray(c + 1, array);
            }
            return statement.executeUpdate();
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
    }

    /**
     * {@link #executeUpdate(Connection, String)} on a connection of its own, as {@link Queries#update}
     * runs a one-row statement; a failure is a {@link StorageException} that says {@code failure}.
     */
    int executeUpdate(DataSource dataSource, String failure, String sql) {
        try (Connection connection = dataSource.getConnection()) {
            return executeUpdate(connection, sql);
        } catch (SQLException e) {
            throw new StorageException(failure, e);
        }
    }
}
