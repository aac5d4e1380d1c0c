package org.tandem.storage.jdbc;

import org.tandem.domain.call.ActiveCall;
import org.tandem.domain.call.ActiveCallChange;
import org.tandem.domain.call.ActiveCalls;
import org.tandem.domain.call.TenantActiveCalls;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The calls up now in table {@code active_call} (migration V60): the engine's changes as one
 * statement (its rows as arrays: calls up are upserted, calls ended deleted, in one auto-committed
 * statement, so all or none), and one tenant's calls for the portal.
 */
public final class JdbcActiveCalls implements ActiveCalls, TenantActiveCalls {

    private static final String COLUMNS = "id, node_id, tenant_id, caller, callee, started_at, answered_at";

    private static final String APPLY = "with change as (select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], "
            + "?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::bool[]) "
            + "as c(id, node_id, tenant_id, caller, callee, started_at, answered_at, up)), "
            + "ended as (delete from active_call a using change c where a.id = c.id and not c.up) "
            + "insert into active_call (" + COLUMNS + ", state) "
            + "select " + COLUMNS + ", case when answered_at is null then 'RINGING' else 'ANSWERED' end "
            + "from change where up "
            + "on conflict (id) do update set state = excluded.state, answered_at = excluded.answered_at";

    /**
     * A call cut off ends when its node was last known alive: its last heartbeat (now, without one).
     * An answered call is recorded ANSWERED 200 up to then, a ringing one FAILED 408 (its caller
     * heard nothing more). A call whose record exists already (it ended, but its removal from this
     * table was not written) keeps that record.
     */
    private static final String RECORD_CUT_OFF = "with cut_off as (delete from active_call where node_id = ? "
            + "returning *), last_seen as (select coalesce((select seen_at from node_heartbeat where node_id = ?), "
            + "now()) as at), recorded as (insert into call_record (id, tenant_id, node_id, caller, callee, "
            + "started_at, answered_at, ended_at, disposition, sip_cause) "
            + "select c.id, c.tenant_id, c.node_id, c.caller, c.callee, c.started_at, c.answered_at, "
            + "greatest(l.at, c.started_at, c.answered_at), "
            + "case when c.answered_at is null then 'FAILED' else 'ANSWERED' end, "
            + "case when c.answered_at is null then 408 else 200 end "
            + "from cut_off c, last_seen l on conflict (id) do nothing) "
            + "select count(*) from cut_off";

    private static final String OF_TENANT = "select " + COLUMNS + " from active_call where tenant_id = ? "
            + "order by started_at, id";

    private final DataSource dataSource;

    public JdbcActiveCalls(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public void apply(List<ActiveCallChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // The last change of a call wins; then no row is named twice, as one upsert requires.
        Map<UUID, ActiveCallChange> last = new LinkedHashMap<>();
        changes.forEach(change -> last.put(change.callId(), change));
        List<ActiveCallChange> rows = List.copyOf(last.values());
        ArrayColumns columns = new ArrayColumns(rows.size(),
                "uuid", "uuid", "uuid", "text", "text", "text", "text", "bool");
        for (int i = 0; i < rows.size(); i++) {
            ActiveCallChange change = rows.get(i);
            columns.set(i, 0, change.callId()).set(i, 7, change.now().isPresent());
            if (change.now().isPresent()) {
                ActiveCall call = change.now().get();
                // ISO-8601 text, cast to timestamptz by the statement: exact to the nanosecond
                columns.set(i, 1, call.nodeId()).set(i, 2, call.tenantId()).set(i, 3, call.caller())
                        .set(i, 4, call.callee()).set(i, 5, call.startedAt().toString())
                        .set(i, 6, call.answeredAt() == null ? null : call.answeredAt().toString());
            }
        }
        columns.executeUpdate(dataSource, "could not write " + rows.size() + " active call changes", APPLY);
    }

    @Override
    public int recordCutOff(UUID nodeId) {
        try (Connection connection = dataSource.getConnection()) {
            return recordCutOff(connection, nodeId);
        } catch (SQLException e) {
            throw new StorageException("could not record the calls node " + nodeId + " left listed", e);
        }
    }

    /** {@link #recordCutOff(UUID)} on {@code connection}, in one statement. */
    public static int recordCutOff(Connection connection, UUID nodeId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORD_CUT_OFF)) {
            statement.setObject(1, nodeId);
            statement.setObject(2, nodeId);
            try (ResultSet count = statement.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    @Override
    public List<ActiveCall> ofTenant(UUID tenantId) {
        return Queries.list(dataSource, "could not read the active calls of tenant " + tenantId, OF_TENANT, row -> {
            OffsetDateTime answeredAt = row.getObject("answered_at", OffsetDateTime.class);
            return new ActiveCall(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class),
                    row.getObject("node_id", UUID.class), row.getString("caller"), row.getString("callee"),
                    row.getObject("started_at", OffsetDateTime.class).toInstant(),
                    answeredAt == null ? null : answeredAt.toInstant());
        }, tenantId);
    }
}
