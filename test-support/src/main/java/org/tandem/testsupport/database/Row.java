package org.tandem.testsupport.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** A row a test writes: into a database, or within a transaction the test holds open. */
public abstract class Row {

    /** The key of the row, chosen by the writer as the schema wants (no sequences). */
    protected final UUID id = UUID.randomUUID();

    /** Writes the row in a transaction of its own; returns its key. */
    public final UUID insertInto(DataSource database) {
        try (Connection connection = database.getConnection()) {
            return insertInto(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + this, e);
        }
    }

    /** Writes the row on {@code connection} (in its transaction, if one is open); returns its key. */
    public abstract UUID insertInto(Connection connection) throws SQLException;
}
