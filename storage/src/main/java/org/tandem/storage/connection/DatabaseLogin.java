package org.tandem.storage.connection;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The login Tandem manages a node's replication with: the database owner every node shares
 * ({@code TANDEM_DB_USER}). A joining node uses it on its peers to create their subscriptions to it.
 */
public record DatabaseLogin(String user, String password) {

    public DatabaseLogin {
        Objects.requireNonNull(user, "database user");
        Objects.requireNonNull(password, "database password");
    }

    /** An auto-committing connection to {@code database}: replication commands refuse to run inside a transaction. */
    public Connection connect(NodeDatabase database) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setApplicationName("tandem-cluster");
        return dataSource.getConnection();
    }

    @Override
    public String toString() {
        return "DatabaseLogin[" + user + "]";
    }
}
