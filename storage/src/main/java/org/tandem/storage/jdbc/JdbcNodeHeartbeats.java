package org.tandem.storage.jdbc;

import org.tandem.domain.node.NodeHeartbeats;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
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
        Queries.update(dataSource, "could not write the heartbeat of node " + nodeId, BEAT, nodeId, heartbeat.seenAt(),
                heartbeat.startedAt(), heartbeat.sipUp(), heartbeat.portalUrl());
    }

    @Override
    public Map<UUID, Heartbeat> all() {
        return Queries.map(dataSource, "could not read the nodes' heartbeats", ALL, row -> row.getObject(1, UUID.class),
                row -> new Heartbeat(row.getObject(2, OffsetDateTime.class).toInstant(),
                        row.getObject(3, OffsetDateTime.class).toInstant(), row.getBoolean(4), row.getString(5)));
    }

    @Override
    public Map<UUID, Long> activeCalls(Instant since) {
        return Queries.map(dataSource, "could not count the calls per node", CALLS, row -> row.getObject(1, UUID.class),
                row -> row.getLong(2), since);
    }
}
