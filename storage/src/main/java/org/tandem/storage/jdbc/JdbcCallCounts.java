package org.tandem.storage.jdbc;

import org.tandem.domain.call.CallCounts;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Call counts in {@code node_call_count}: one statement per publication, whatever the number of tenants. */
public final class JdbcCallCounts implements CallCounts {

    private static final String PUBLISH = """
            insert into node_call_count (node_id, tenant_id, active, updated_at)
            select ?, tenant, active, ? from unnest(?::uuid[], ?::integer[]) as counts(tenant, active)
            on conflict (node_id, tenant_id) do update set active = excluded.active, updated_at = excluded.updated_at""";
    private static final String ELSEWHERE = """
            select tenant_id, sum(active) from node_call_count
            where node_id <> ? and updated_at >= ? and active > 0
            group by tenant_id""";

    private final DataSource dataSource;

    public JdbcCallCounts(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public void publish(UUID nodeId, Map<UUID, Integer> activeByTenant, Instant at) {
        if (activeByTenant.isEmpty()) {
            return;
        }
        // one map read twice in the same order: its keys and its values line up
        Queries.update(dataSource, "could not publish the call counts of node " + nodeId, PUBLISH, nodeId, at,
                activeByTenant.keySet().toArray(UUID[]::new), activeByTenant.values().toArray(Integer[]::new));
    }

    @Override
    public Map<UUID, Integer> elsewhere(UUID nodeId, Instant since) {
        return Queries.map(dataSource, "could not read other nodes' call counts", ELSEWHERE,
                row -> row.getObject(1, UUID.class), row -> row.getInt(2), nodeId, since);
    }
}
