package org.tandem.storage.jdbc;

import org.tandem.domain.call.CallRecord;
import org.tandem.domain.call.CallRecords;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** Call records in table {@code call_record}: one insert per record, auto-committed; never an update. */
public final class JdbcCallRecords implements CallRecords {

    private static final String INSERT = "insert into call_record (id, tenant_id, node_id, caller, callee, "
            + "started_at, answered_at, ended_at, disposition, sip_cause) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public JdbcCallRecords(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public void add(CallRecord r) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, r.id());
            statement.setObject(2, r.tenantId());
            statement.setObject(3, r.nodeId());
            statement.setString(4, r.caller());
            statement.setString(5, r.callee());
            statement.setObject(6, timestamp(r.startedAt()));
            if (r.answeredAt() == null) {
                statement.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(7, timestamp(r.answeredAt()));
            }
            statement.setObject(8, timestamp(r.endedAt()));
            statement.setString(9, r.disposition().name());
            statement.setInt(10, r.sipCause());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not store the call record " + r.id(), e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
