package org.tandem.engine.writebehind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallRecord;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.storage.jdbc.JdbcCallRecords;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * Call records written behind into the real {@code call_record} table, through a database that
 * goes away and comes back: every record is stored, none twice.
 */
@Timeout(90)
class BatchedCallRecordsTest {

    @Test
    void recordsOfCallsThatEndWhileTheDatabaseIsDownAreStoredOnceItIsBackEachOnce() {
        RegistrarDatabase db = RegistrarDatabase.start("cdr-node");
        try {
            UUID tenant = db.tenantId(ALPHA);
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<CallRecord> made = new ArrayList<>();
            try (BatchedCallRecords records = new BatchedCallRecords(new JdbcCallRecords(db.dataSource()),
                    new WriteBehind.Settings(Duration.ofMillis(20), 50, 1_000, Duration.ofSeconds(20)))) {
                for (int i = 0; i < 120; i++) {
                    if (i == 40) {
                        assertThat(records.awaitWritten(Duration.ofSeconds(5))).isTrue();
                        db.stopServer();
                    }
                    CallRecord record = new CallRecord(UUID.randomUUID(), tenant, db.nodeId(), "101", Integer.toString(200 + i),
                            start, start.plusSeconds(1), start.plusSeconds(2 + i), CallDisposition.ANSWERED, 200);
                    made.add(record);
                    records.add(record);
                }
                assertThat(records.isBacklogged()).isFalse();
                assertThat(records.awaitWritten(Duration.ofMillis(500))).as("the database is down").isFalse();

                db.startServer();
                assertThat(records.awaitWritten(Duration.ofSeconds(30))).isTrue();
            }
            assertThat(db.strings("select id::text from call_record where node_id = ?", db.nodeId()))
                    .as("each record once").containsExactlyInAnyOrderElementsOf(
                            made.stream().map(record -> record.id().toString()).toList());
        } finally {
            db.close();
        }
    }
}
