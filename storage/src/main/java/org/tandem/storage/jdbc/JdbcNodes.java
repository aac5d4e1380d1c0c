package org.tandem.storage.jdbc;

import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.NodeDirectory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The {@code node} table for parts that run outside the persistence unit (the SIP engine). */
public final class JdbcNodes implements NodeDirectory {

    private final DataSource dataSource;

    public JdbcNodes(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    /** A node's id by its name. */
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

    @Override
    public Optional<NetworkAddress> sipAddressOf(UUID nodeId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select sip_host, sip_port from node where id = ?")) {
            statement.setObject(1, nodeId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new NetworkAddress(row.getString(1), row.getInt(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("could not look up the SIP address of node " + nodeId, e);
        }
    }

    @Override
    public Map<UUID, NetworkAddress> sipAddresses() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select id, sip_host, sip_port from node");
             ResultSet rows = statement.executeQuery()) {
            Map<UUID, NetworkAddress> addresses = new HashMap<>();
            while (rows.next()) {
                addresses.put(rows.getObject(1, UUID.class), new NetworkAddress(rows.getString(2), rows.getInt(3)));
            }
            return addresses;
        } catch (SQLException e) {
            throw new StorageException("could not read the nodes' SIP addresses", e);
        }
    }
}
