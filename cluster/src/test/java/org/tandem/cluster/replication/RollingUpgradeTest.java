package org.tandem.cluster.replication;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each node migrates its own database when it starts, so during an upgrade one node runs a newer
 * schema than the other. A subscriber stops on a change that carries a column it does not have;
 * a node therefore publishes only what every member has, and the last node to migrate widens every
 * publication. Here node-b takes a new column and a new table first: replication goes on both ways;
 * once node-a has migrated too, the new column and table replicate.
 */
class RollingUpgradeTest {

    @RegisterExtension
    final TestCluster cluster = TestCluster.perTest();
    TestNode a;
    TestNode b;

    @Test
    void aMigrationOnOneNodeDoesNotStopReplicationAndReplicatesOnceEveryNodeHasIt() throws SQLException {
        a = cluster.start("node-a", "127.0.0.2");
        b = cluster.join("node-b", "127.0.0.3", a);
        String tenant = tenantOn(a);

        upgrade(b);
        UUID fromB = UUID.randomUUID();
        b.execute(callRecordWithNote(fromB, tenant, b, "only on b"));
        UUID fromA = UUID.randomUUID();
        a.execute(callRecord(fromA, tenant, a));

        assertThat(a.await(() -> a.count("select count(*) from call_record"), 2L)).isEqualTo(2L);
        assertThat(b.await(() -> b.count("select count(*) from call_record"), 2L)).isEqualTo(2L);
        assertThat(a.count("select apply_error_count from pg_stat_subscription_stats"))
                .as("node-a applied node-b's change although node-b has a column node-a lacks").isZero();
        assertThat(b.count("select apply_error_count from pg_stat_subscription_stats")).isZero();

        upgrade(a);
        a.restart();
        UUID later = UUID.randomUUID();
        b.execute(callRecordWithNote(later, tenant, b, "both have it"));
        a.execute("insert into call_tag values ('" + UUID.randomUUID() + "', '" + fromA + "', 'vip')");

        assertThat(a.await(() -> a.strings("select coalesce(note, '-') from call_record where id = '" + later + "'"),
                List.of("both have it"))).containsExactly("both have it");
        assertThat(b.await(() -> b.strings("select tag from call_tag"), List.of("vip"))).containsExactly("vip");
        assertThat(a.strings("select coalesce(note, '-') from call_record where id = '" + fromB + "'"))
                .as("written before node-a had the column: not sent, by the rule 'no use before every node has it'")
                .containsExactly("-");
        assertThat(a.count("select apply_error_count from pg_stat_subscription_stats")).isZero();
    }

    private static void upgrade(TestNode node) {
        Flyway.configure(RollingUpgradeTest.class.getClassLoader())
                .dataSource(node.dataSource())
                .locations("classpath:db/migration", "classpath:db/rolling-upgrade")
                .load()
                .migrate();
    }

    private static String tenantOn(TestNode home) {
        return Fixtures.tenant(home, home, null, "upgrade.replication.test").toString();
    }

    private static String callRecord(UUID id, String tenant, TestNode node) {
        return "insert into call_record (id, tenant_id, node_id, caller, callee, started_at, ended_at, disposition, sip_cause)"
                + " values ('" + id + "', '" + tenant + "', '" + node.id() + "', '101', '102', now(), now(), 'FAILED', 480)";
    }

    /** A record using the new column, written by a node that has it. */
    private static String callRecordWithNote(UUID id, String tenant, TestNode node, String note) {
        return callRecord(id, tenant, node).replace("sip_cause)", "sip_cause, note)").replace("480)", "480, '" + note + "')");
    }
}
