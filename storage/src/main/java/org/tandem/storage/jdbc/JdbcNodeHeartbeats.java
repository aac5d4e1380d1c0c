package org.tandem.storage.jdbc;

import org.tandem.domain.node.NodeHeartbeats;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Heartbeats in {@code node_heartbeat} (one row per node, V71); calls per node from {@code node_call_count}. */
public final class JdbcNodeHeartbeats implements NodeHeartbeats {

    private static final String BEAT = """
            insert into node_heartbeat (node_id, seen_at, started_at, sip_up, portal_url) values (?, ?, ?, ?, ?)
            on conflict (node_id) do update set seen_at = excluded.seen_at, started_at = excluded.started_at,
                sip_up = excluded.sip_up, portal_url = excluded.portal_url""";
    private static final String ALL = "select node_id, seen_at, started_at, sip_up, portal_url from node_heartbeat";
    private static final String CALLS = "select node_id, sum(active) from node_call_count where updated_at >= ? group by node_id";

    private final DataSource dataSource;

    public JdbcNodeHeartbeats(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public void beat(UUID nodeId, Heartbeat heartbeat) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(BEAT)) {
            statement.setObject(1, nodeId);
            statement.setObject(2, heartbeat.seenAt().atOffset(ZoneOffset.UTC));
            statement.setObject(3, heartbeat.startedAt().atOffset(ZoneOffset.UTC));
            statement.setBoolean(4, heartbeat.sipUp());
            statement.setString(5, heartbeat.portalUrl());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not write the heartbeat of node " + nodeId, e);
        }
    }

    @Override
    public Map<UUID, Heartbeat> all() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(ALL);
             ResultSet rows = statement.executeQuery()) {
            Map<UUID, Heartbeat> beats = new HashMap<>();
            while (rows.next()) {
                beats.put(rows.getObject(1, UUID.class), new Heartbeat(rows.getObject(2, OffsetDateTime.class).toInstant(),
                        rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getBoolean(4), rows.getString(5)));
            }
            return beats;
        } catch (SQLException e) {
            throw new StorageException("could not read the nodes' heartbeats", e);
        }
    }

    @Override
    public Map<UUID, Long> activeCalls(Instant since) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(CALLS)) {
            statement.setObject(1, since.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                Map<UUID, Long> calls = new HashMap<>();
                while (rows.next()) {
                    calls.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
                return calls;
            }
        } catch (SQLException e) {
            throw new StorageException("could not count the calls per node", e);
        }
    }
}
