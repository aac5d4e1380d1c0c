package org.tandem.storage.jdbc;

import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallHistory;
import org.tandem.domain.call.CallRecord;
import org.tandem.domain.call.CallUsage;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
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
        return Queries.list(dataSource, "could not read the calls of tenant " + tenantId, CALLS, row -> {
            OffsetDateTime answered = row.getObject(7, OffsetDateTime.class);
            return new CallRecord(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                    row.getObject(3, UUID.class), row.getString(4), row.getString(5),
                    row.getObject(6, OffsetDateTime.class).toInstant(), answered == null ? null : answered.toInstant(),
                    row.getObject(8, OffsetDateTime.class).toInstant(),
                    CallDisposition.valueOf(row.getString(9)), row.getInt(10));
        }, tenantId, from, to, number, number, number, dispositionName, dispositionName, limit);
    }

    @Override
    public Map<LocalDate, Long> callsPerDay(UUID tenantId, Instant from, Instant to, ZoneId zone) {
        return Queries.map(dataSource, "could not count the calls of tenant " + tenantId, PER_DAY,
                row -> row.getObject(1, LocalDate.class), row -> row.getLong(2), zone.getId(), tenantId, from, to);
    }

    @Override
    public Map<UUID, CallUsage> usageSince(Collection<UUID> tenantIds, Instant since) {
        return PerTenant.query(dataSource, USAGE, tenantIds, since,
                row -> new CallUsage(row.getLong(2), row.getLong(3)), "calls");
    }
}
