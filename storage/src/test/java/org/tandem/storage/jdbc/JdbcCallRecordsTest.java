package org.tandem.storage.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallRecord;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcCallRecordsTest {

    @TempDir
    static Path folder;
    static TestDatabase database;
    static JdbcCallRecords records;
    static UUID nodeId;
    static Tenant tenant;

    @BeforeAll
    static void start() {
        database = TestDatabase.startIn(folder);
        tenant = database.seedTenant(new SipDomain("alpha.example.com"));
        nodeId = database.seededNodeId();
        records = new JdbcCallRecords(database.dataSource());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void anAnsweredAndAnUnansweredCallAreStoredAsTheyEnded() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CallRecord answered = callFrom101("102", start, start.plusSeconds(3), start.plusSeconds(63),
                CallDisposition.ANSWERED, 200);
        CallRecord busy = callFrom101("103", start, null, start.plusSeconds(1), CallDisposition.BUSY, 486);

        records.add(answered);
        records.add(busy);

        assertThat(row(answered.id())).isEqualTo("101 102 ANSWERED 200 60");
        assertThat(row(busy.id())).isEqualTo("101 103 BUSY 486 unanswered");
    }

    @Test
    void aRecordSentAgainAfterALostCommitIsStoredOnce() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CallRecord first = callFrom101("102", start, null, start, CallDisposition.FAILED, 404);
        CallRecord second = callFrom101("104", start, null, start.plusSeconds(2), CallDisposition.NO_ANSWER, 480);
        records.add(first);

        records.addAll(List.of(first, second));

        assertThat(count("select count(*) from call_record where id in (?, ?)", first.id(), second.id())).isEqualTo(2);
        assertThat(row(second.id())).isEqualTo("101 104 NO_ANSWER 480 unanswered");
    }

    @Test
    void aBatchWithABadRecordStoresNoneOfIt() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CallRecord good = callFrom101("102", start, null, start, CallDisposition.FAILED, 404);
        CallRecord ofUnknownTenant = new CallRecord(UUID.randomUUID(), UUID.randomUUID(), nodeId, "101", "102",
                start, null, start, CallDisposition.FAILED, 404);

        assertThatThrownBy(() -> records.addAll(List.of(good, ofUnknownTenant))).isInstanceOf(StorageException.class);
        assertThat(count("select count(*) from call_record where id in (?, ?)", good.id(), ofUnknownTenant.id()))
                .isZero();
    }

    private static long count(String sql, Object... parameters) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String row(UUID id) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("select caller || ' ' || callee || ' ' || "
                     + "disposition || ' ' || sip_cause || ' ' || coalesce(extract(epoch from ended_at - answered_at)"
                     + "::int::text, 'unanswered') from call_record where id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    /** A call from extension 101 of the tenant to {@code callee}, on this node. */
    private CallRecord callFrom101(String callee, Instant start, Instant answered, Instant ended,
                                   CallDisposition disposition, int status) {
        return new CallRecord(UUID.randomUUID(), tenant.id(), nodeId, "101", callee, start, answered, ended, disposition,
                status);
    }

}
