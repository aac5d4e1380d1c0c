package org.tandem.storage.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a JDBC repository changes a tenant's configuration: each change in a transaction of its own on a
 * connection of its own, with the home-node check first when the node may be in a cluster (the database
 * refuses an unchecked change there in any case), rolled back on any failure.
 */
final class TenantConfigurationWrites {

    /** A change made on the transaction's connection. */
    @FunctionalInterface
    interface Change<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Optional<HomeNodeConnectionCheck> homeNode;

    TenantConfigurationWrites(DataSource dataSource, Optional<HomeNodeConnectionCheck> homeNode) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
        this.homeNode = Objects.requireNonNull(homeNode, "home-node check");
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code change} of {@code tenantId}'s configuration in a transaction of its own, after the home-node check. */
    <T> T inTransaction(UUID tenantId, Change<T> change) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (homeNode.isPresent()) {
                    homeNode.get().requireHomeHere(connection, tenantId);
                }
                T result = change.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
