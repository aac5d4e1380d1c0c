package org.tandem.storage.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Finds a node's id by its name, for parts that run outside the persistence unit (the SIP engine). */
public final class JdbcNodes {

    private JdbcNodes() {
    }

    public static Optional<UUID> idOf(DataSource dataSource, String nodeName) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select id from node where name = ?")) {
            statement.setString(1, nodeName);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("could not look up node " + nodeName, e);
        }
    }
}
