package org.tandem.storage.jdbc;

import org.tandem.domain.call.CallRecord;
import org.tandem.domain.call.CallRecords;

import javax.sql.DataSource;
import java.util.List;
import java.util.Objects;

/**
 * Call records in table {@code call_record}: a list is one multi-row insert (its columns as arrays),
 * auto-committed; never an update. A record already stored is skipped, so sending a batch again
 * after a commit whose answer was lost stores nothing twice.
 */
public final class JdbcCallRecords implements CallRecords {

    private static final String INSERT = "insert into call_record (id, tenant_id, node_id, caller, callee, "
            + "started_at, answered_at, ended_at, disposition, sip_cause) "
            + "select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[], "
            + "?::timestamptz[], ?::timestamptz[], ?::text[], ?::int[]) "
            + "on conflict (id) do nothing";

    private final DataSource dataSource;

    public JdbcCallRecords(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public void addAll(List<CallRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        ArrayColumns rows = new ArrayColumns(records.size(),
                "uuid", "uuid", "uuid", "text", "text", "text", "text", "text", "text", "int4");
        for (int i = 0; i < records.size(); i++) {
            CallRecord r = records.get(i);
            rows.set(i, 0, r.id()).set(i, 1, r.tenantId()).set(i, 2, r.nodeId()).set(i, 3, r.caller())
                    .set(i, 4, r.callee()).set(i, 5, r.startedAt().toString())
                    .set(i, 6, r.answeredAt() == null ? null : r.answeredAt().toString())
                    .set(i, 7, r.endedAt().toString()).set(i, 8, r.disposition().name()).set(i, 9, r.sipCause());
        }
        String failure = records.size() == 1 ? "could not store the call record " + records.getFirst().id()
                : "could not store " + records.size() + " call records";
        rows.executeUpdate(dataSource, failure, INSERT);
    }
}
