package org.tandem.storage.jdbc;

import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallHistory;
import org.tandem.domain.call.CallRecord;
import org.tandem.domain.call.CallUsage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Call records of one tenant from {@code call_record}, on its index (tenant_id, started_at). */
public final class JdbcCallHistory implements CallHistory {

    private static final String CALLS = """
            select id, tenant_id, node_id, caller, callee, started_at, answered_at, ended_at, disposition, sip_cause
            from call_record
            where tenant_id = ? and started_at >= ? and started_at < ?
              and (?::text is null or caller = ? or callee = ?)
              and (?::text is null or disposition = ?)
            order by started_at desc
            limit ?""";
    private static final String PER_DAY = """
            select (started_at at time zone ?)::date as day, count(*)
            from call_record
            where tenant_id = ? and started_at >= ? and started_at < ?
            group by day order by day""";

    private static final String USAGE = """
            select tenant_id, count(*), coalesce(sum(extract(epoch from ended_at - answered_at))::bigint, 0)
            from call_record
            where tenant_id = any(?) and started_at >= ?
            group by tenant_id""";

    private final DataSource dataSource;

    public JdbcCallHistory(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public List<CallRecord> calls(UUID tenantId, Instant from, Instant to, String number, CallDisposition disposition,
                                  int limit) {
        String dispositionName = disposition == null ? null : disposition.name();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(CALLS)) {
            statement.setObject(1, tenantId);
            statement.setObject(2, from.atOffset(ZoneOffset.UTC));
            statement.setObject(3, to.atOffset(ZoneOffset.UTC));
            statement.setString(4, number);
            statement.setString(5, number);
            statement.setString(6, number);
            statement.setString(7, dispositionName);
            statement.setString(8, dispositionName);
            statement.setInt(9, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<CallRecord> records = new ArrayList<>();
                while (rows.next()) {
                    OffsetDateTime answered = rows.getObject(7, OffsetDateTime.class);
                    records.add(new CallRecord(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getObject(3, UUID.class), rows.getString(4), rows.getString(5),
                            rows.getObject(6, OffsetDateTime.class).toInstant(),
                            answered == null ? null : answered.toInstant(),
                            rows.getObject(8, OffsetDateTime.class).toInstant(),
                            CallDisposition.valueOf(rows.getString(9)), rows.getInt(10)));
                }
                return records;
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the calls of tenant " + tenantId, e);
        }
    }

    @Override
    public Map<LocalDate, Long> callsPerDay(UUID tenantId, Instant from, Instant to, ZoneId zone) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PER_DAY)) {
            statement.setString(1, zone.getId());
            statement.setObject(2, tenantId);
            statement.setObject(3, from.atOffset(ZoneOffset.UTC));
            statement.setObject(4, to.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                Map<LocalDate, Long> perDay = new LinkedHashMap<>();
                while (rows.next()) {
                    perDay.put(rows.getObject(1, LocalDate.class), rows.getLong(2));
                }
                return perDay;
            }
        } catch (SQLException e) {
            throw new StorageException("could not count the calls of tenant " + tenantId, e);
        }
    }

    @Override
    public Map<UUID, CallUsage> usageSince(Collection<UUID> tenantIds, Instant since) {
        return PerTenant.query(dataSource, USAGE, tenantIds, since,
                row -> new CallUsage(row.getLong(2), row.getLong(3)), "calls");
    }
}
