package org.tandem.storage.jdbc;

import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.registration.RegistrationRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Bindings in table {@code registration}, written synchronously: each call is one statement in its
 * own (auto-committed) transaction. Every statement names the node, so a node can only ever touch
 * its own rows.
 */
public final class JdbcRegistrations implements RegistrationRepository {

    static final String COLUMNS = "id, node_id, tenant_id, extension_number, contact_uri, instance_id, "
            + "flow, call_id, cseq, user_agent, registered_at, expires_at";
    private static final String SAVE = "insert into registration (" + COLUMNS + ") "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (node_id, tenant_id, extension_number, contact_uri) do update set "
            + "instance_id = excluded.instance_id, flow = excluded.flow, call_id = excluded.call_id, "
            + "cseq = excluded.cseq, user_agent = excluded.user_agent, "
            + "registered_at = excluded.registered_at, expires_at = excluded.expires_at";
    private static final String REMOVE = "delete from registration "
            + "where node_id = ? and tenant_id = ? and extension_number = ? and contact_uri = ?";
    private static final String REMOVE_ALL = "delete from registration "
            + "where node_id = ? and tenant_id = ? and extension_number = ?";
    private static final String ACTIVE = "select " + COLUMNS + " from registration "
            + "where node_id = ? and tenant_id = ? and extension_number = ? and expires_at > ? "
            + "order by registered_at, contact_uri";
    private static final String ACTIVE_ANYWHERE = "select " + COLUMNS + " from registration "
            + "where tenant_id = ? and extension_number = ? and expires_at > ? "
            + "order by registered_at, contact_uri";
    private static final String DELETE_EXPIRED = "delete from registration where id in ("
            + "select id from registration where node_id = ? and expires_at <= ? limit ?)";
    private static final String COUNT_ACTIVE = "select count(*) from registration where node_id = ? and expires_at > ?";

    private final DataSource dataSource;

    public JdbcRegistrations(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public void save(Registration r) {
        update(SAVE, "save binding of " + r.aor(), statement -> {
            statement.setObject(1, r.id());
            statement.setObject(2, r.nodeId());
            statement.setObject(3, r.aor().tenantId());
            statement.setString(4, r.aor().extension().digits());
            statement.setString(5, r.contactUri());
            statement.setString(6, r.instanceId());
            statement.setString(7, r.flow().toString());
            statement.setString(8, r.callId());
            statement.setLong(9, r.cseq());
            statement.setString(10, r.userAgent());
            statement.setObject(11, timestamp(r.registeredAt()));
            statement.setObject(12, timestamp(r.expiresAt()));
        });
    }

    @Override
    public void remove(UUID nodeId, AddressOfRecord aor, String contactUri) {
        update(REMOVE, "remove binding of " + aor, statement -> {
            setAddress(statement, nodeId, aor);
            statement.setString(4, contactUri);
        });
    }

    @Override
    public int removeAll(UUID nodeId, AddressOfRecord aor) {
        return update(REMOVE_ALL, "remove bindings of " + aor, statement -> setAddress(statement, nodeId, aor));
    }

    @Override
    public List<Registration> active(UUID nodeId, AddressOfRecord aor, Instant now) {
        return query(ACTIVE, aor, statement -> {
            setAddress(statement, nodeId, aor);
            statement.setObject(4, timestamp(now));
        });
    }

    @Override
    public List<Registration> activeAnywhere(AddressOfRecord aor, Instant now) {
        return query(ACTIVE_ANYWHERE, aor, statement -> {
            statement.setObject(1, aor.tenantId());
            statement.setString(2, aor.extension().digits());
            statement.setObject(3, timestamp(now));
        });
    }

    private List<Registration> query(String sql, AddressOfRecord aor, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<Registration> bindings = new ArrayList<>();
                while (rows.next()) {
                    bindings.add(registration(rows));
                }
                return bindings;
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the bindings of " + aor, e);
        }
    }

    @Override
    public int deleteExpired(UUID nodeId, Instant now, int limit) {
        return update(DELETE_EXPIRED, "delete expired bindings", statement -> {
            statement.setObject(1, nodeId);
            statement.setObject(2, timestamp(now));
            statement.setInt(3, limit);
        });
    }

    @Override
    public long countActive(UUID nodeId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT_ACTIVE)) {
            statement.setObject(1, nodeId);
            statement.setObject(2, timestamp(now));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new StorageException("could not count bindings", e);
        }
    }

    private static void setAddress(PreparedStatement statement, UUID nodeId, AddressOfRecord aor) throws SQLException {
        statement.setObject(1, nodeId);
        statement.setObject(2, aor.tenantId());
        statement.setString(3, aor.extension().digits());
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

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, String what, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not " + what, e);
        }
    }
}
