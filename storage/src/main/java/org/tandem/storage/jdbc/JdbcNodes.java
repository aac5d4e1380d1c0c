package org.tandem.storage.jdbc;

import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.NodeDirectory;

import javax.sql.DataSource;
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
        return Queries.first(dataSource, "could not look up node " + nodeName, "select id from node where name = ?",
                row -> row.getObject(1, UUID.class), nodeName);
    }

    @Override
    public Optional<NetworkAddress> sipAddressOf(UUID nodeId) {
        return Queries.first(dataSource, "could not look up the SIP address of node " + nodeId,
                "select sip_host, sip_port from node where id = ?",
                row -> new NetworkAddress(row.getString(1), row.getInt(2)), nodeId);
    }

    @Override
    public Map<UUID, NetworkAddress> sipAddresses() {
        return Queries.map(dataSource, "could not read the nodes' SIP addresses", "select id, sip_host, sip_port from node",
                row -> row.getObject(1, UUID.class), row -> new NetworkAddress(row.getString(2), row.getInt(3)));
    }
}
