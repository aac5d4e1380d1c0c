package org.tandem.storage.jdbc;

import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.BindingChange;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.registration.RegistrationRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Bindings in table {@code registration}. Every statement names the node, so a node can only ever
 * touch its own rows. A list of changes is one transaction of at most two statements, however long
 * the list: one multi-row upsert and one multi-row delete, each taking its rows as arrays.
 */
public final class JdbcRegistrations implements RegistrationRepository {

    static final String COLUMNS = "id, node_id, tenant_id, extension_number, contact_uri, instance_id, "
            + "flow, call_id, cseq, user_agent, registered_at, expires_at";
    private static final String SAVE = "insert into registration (" + COLUMNS + ") "
            + "select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[]) "
            + "on conflict (node_id, tenant_id, extension_number, contact_uri) do update set "
            + "instance_id = excluded.instance_id, flow = excluded.flow, call_id = excluded.call_id, "
            + "cseq = excluded.cseq, user_agent = excluded.user_agent, "
            + "registered_at = excluded.registered_at, expires_at = excluded.expires_at";
    private static final String REMOVE = "delete from registration r "
            + "using unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) "
            + "as gone (node_id, tenant_id, extension_number, contact_uri) "
            + "where r.node_id = gone.node_id and r.tenant_id = gone.tenant_id "
            + "and r.extension_number = gone.extension_number and r.contact_uri = gone.contact_uri";
    private static final String REMOVE_ALL = "delete from registration "
            + "where node_id = ? and tenant_id = ? and extension_number = ?";
    private static final String ACTIVE = "select " + COLUMNS + " from registration "
            + "where node_id = ? and tenant_id = ? and extension_number = ? and expires_at > ? "
            + "order by registered_at, contact_uri";
    private static final String ACTIVE_ANYWHERE = "select " + COLUMNS + " from registration "
            + "where tenant_id = ? and extension_number = ? and expires_at > ? "
            + "order by registered_at, contact_uri";
    private static final String ALL_ACTIVE = "select " + COLUMNS + " from registration "
            + "where node_id = ? and expires_at > ?";
    private static final String DELETE_EXPIRED = "delete from registration where id in ("
            + "select id from registration where node_id = ? and expires_at <= ? limit ?)";
    private static final String COUNT_ACTIVE = "select count(*) from registration where node_id = ? and expires_at > ?";

    private final DataSource dataSource;

    public JdbcRegistrations(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public void apply(List<BindingChange> changes) {
        // The last change of a binding wins; then no row is named twice, as one upsert requires.
        Map<BindingChange.Key, BindingChange> last = new LinkedHashMap<>();
        changes.forEach(change -> last.put(change.key(), change));
        List<Registration> saves = new ArrayList<>();
        List<BindingChange.Key> removals = new ArrayList<>();
        for (BindingChange change : last.values()) {
            switch (change) {
                case BindingChange.Saved saved -> saves.add(saved.binding());
                case BindingChange.Removed removed -> removals.add(removed.key());
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!saves.isEmpty()) {
                    save(connection, saves);
                }
                if (!removals.isEmpty()) {
                    remove(connection, removals);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("could not write " + last.size() + " binding changes", e);
        }
    }

    private static void save(Connection connection, List<Registration> saves) throws SQLException {
        ArrayColumns rows = new ArrayColumns(saves.size(),
                "uuid", "uuid", "uuid", "text", "text", "text", "text", "text", "int8", "text", "text", "text");
        for (int i = 0; i < saves.size(); i++) {
            Registration r = saves.get(i);
            rows.set(i, 0, r.id()).set(i, 1, r.nodeId()).set(i, 2, r.aor().tenantId())
                    .set(i, 3, r.aor().extension().digits()).set(i, 4, r.contactUri()).set(i, 5, r.instanceId())
                    .set(i, 6, r.flow().toString()).set(i, 7, r.callId()).set(i, 8, r.cseq())
                    .set(i, 9, r.userAgent())
                    // ISO-8601 text, cast to timestamptz by the statement: exact to the nanosecond
                    .set(i, 10, r.registeredAt().toString()).set(i, 11, r.expiresAt().toString());
        }
        rows.executeUpdate(connection, SAVE);
    }

    private static void remove(Connection connection, List<BindingChange.Key> removals) throws SQLException {
        ArrayColumns rows = new ArrayColumns(removals.size(), "uuid", "uuid", "text", "text");
        for (int i = 0; i < removals.size(); i++) {
            BindingChange.Key key = removals.get(i);
            rows.set(i, 0, key.nodeId()).set(i, 1, key.aor().tenantId()).set(i, 2, key.aor().extension().digits())
                    .set(i, 3, key.contactUri());
        }
        rows.executeUpdate(connection, REMOVE);
    }

    @Override
    public int removeAll(UUID nodeId, AddressOfRecord aor) {
        return Queries.update(dataSource, "could not remove the bindings of " + aor, REMOVE_ALL,
                nodeId, aor.tenantId(), aor.extension().digits());
    }

    @Override
    public List<Registration> active(UUID nodeId, AddressOfRecord aor, Instant now) {
        return Queries.list(dataSource, "could not read the bindings of " + aor, ACTIVE, JdbcRegistrations::registration,
                nodeId, aor.tenantId(), aor.extension().digits(), now);
    }

    @Override
    public List<Registration> activeAnywhere(AddressOfRecord aor, Instant now) {
        return Queries.list(dataSource, "could not read every node's bindings of " + aor, ACTIVE_ANYWHERE,
                JdbcRegistrations::registration, aor.tenantId(), aor.extension().digits(), now);
    }

    @Override
    public List<Registration> allActive(UUID nodeId, Instant now) {
        return Queries.list(dataSource, "could not read the bindings of node " + nodeId, ALL_ACTIVE,
                JdbcRegistrations::registration, nodeId, now);
    }

    @Override
    public int deleteExpired(UUID nodeId, Instant now, int limit) {
        return Queries.update(dataSource, "could not delete expired bindings", DELETE_EXPIRED, nodeId, now, limit);
    }

    @Override
    public long countActive(UUID nodeId, Instant now) {
        return Queries.first(dataSource, "could not count bindings", COUNT_ACTIVE, row -> row.getLong(1), nodeId, now)
                .orElseThrow();
    }

    static Registration registration(ResultSet row) throws SQLException {
        return new Registration(
                row.getObject("id", UUID.class),
                row.getObject("node_id", UUID.class),
                new AddressOfRecord(row.getObject("tenant_id", UUID.class),
                        new ExtensionNumber(row.getString("extension_number"))),
                row.getString("contact_uri"),
                row.getString("instance_id"),
                Flow.parse(row.getString("flow")),
                row.getString("call_id"),
                row.getLong("cseq"),
                row.getString("user_agent"),
                row.getObject("registered_at", OffsetDateTime.class).toInstant(),
                row.getObject("expires_at", OffsetDateTime.class).toInstant());
    }

}
