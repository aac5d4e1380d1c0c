package org.tandem.testsupport.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A row a test writes: into a database, or within a transaction the test holds open. A builder names
 * the row's columns and their values; the row is inserted with them, its key, and {@code created_at}
 * now. A column a builder leaves out gets the schema's default.
 *
 * @param <R> the builder, which its setters return
 */
public abstract class Row<R extends Row<R>> {

    private final String table;
    private final String description;
    private final Map<String, Object> columns = new LinkedHashMap<>();

    /** @param description what the row is, for a failure to write it ("node a at 127.0.0.2") */
    protected Row(String table, String description) {
        this.table = table;
        this.description = description;
        // the key is chosen by the writer, as the schema wants (no sequences)
        columns.put("id", UUID.randomUUID());
    }

    /** Sets {@code column} to {@code value}; returns this builder. */
    protected final R set(String column, Object value) {
        columns.put(column, value);
        @SuppressWarnings("unchecked") R self = (R) this;
        return self;
    }

    /** The value set for {@code column}. */
    protected final Object get(String column) {
        return columns.get(column);
    }

    /** Writes the row in a transaction of its own; returns its key. */
    public final UUID insertInto(DataSource database) {
        try (Connection connection = database.getConnection()) {
            return insertInto(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + this, e);
        }
    }

    /** Writes the row on {@code connection} (in its transaction, if one is open); returns its key. */
    public UUID insertInto(Connection connection) throws SQLException {
        Sql.execute(connection, "insert into " + table + " (" + String.join(", ", columns.keySet()) + ", created_at) "
                + "values (" + "?, ".repeat(columns.size()) + "now())", columns.values().toArray());
        return (UUID) columns.get("id");
    }

    @Override
    public String toString() {
        return description;
    }
}
