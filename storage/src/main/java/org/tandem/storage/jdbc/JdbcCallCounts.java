package org.tandem.storage.jdbc;

import org.tandem.domain.call.CallCounts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PUBLISH)) {
            statement.setObject(1, nodeId);
            statement.setObject(2, at.atOffset(ZoneOffset.UTC));
            statement.setArray(3, connection.createArrayOf("uuid", activeByTenant.keySet().toArray()));
            statement.setArray(4, connection.createArrayOf("integer", activeByTenant.values().toArray()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not publish the call counts of node " + nodeId, e);
        }
    }

    @Override
    public Map<UUID, Integer> elsewhere(UUID nodeId, Instant since) {
        return Queries.map(dataSource, "could not read other nodes' call counts", ELSEWHERE,
                row -> row.getObject(1, UUID.class), row -> row.getInt(2), nodeId, since);
    }
}
