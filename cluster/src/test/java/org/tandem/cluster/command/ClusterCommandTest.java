package org.tandem.cluster.command;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.cluster.replication.Fixtures;
import org.tandem.cluster.replication.TestNode;
import org.tandem.storage.lifecycle.StorageSettings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./tandem join} and {@code ./tandem replication}: a started lone node joins; refusals leave nothing behind. */
class ClusterCommandTest {

    @TempDir
    Path folder;
    TestNode a;
    TestNode b;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        Stream.of(b, a).filter(node -> node != null).forEach(TestNode::close);
    }

    @Test
    void aStartedLoneNodeJoinsThroughAMembersDatabaseAndShowsItsLinks() throws Exception {
        a = TestNode.start(folder, "node-a", "127.0.0.2");
        b = TestNode.start(folder, "node-b", "127.0.0.3");
        Fixtures.tenant(a, a, null, "command.replication.test");

        assertThat(run(b, "tandem", "join", a.address().toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("node-b joined the cluster; it replicates with node-a (" + a.address() + ")");
        assertThat(b.await(() -> b.count("select count(*) from extension"), 3L)).isEqualTo(3L);
        assertThat(a.await(() -> a.strings("select name from node order by name").size(), 2)).isEqualTo(2);

        out.reset();
        String status = TestNode.awaitMatching(() -> {
            out.reset();
            run(b, "tandem", "status");
            return out.toString();
        }, text -> text.contains("streaming"));
        assertThat(status).contains("node node-b at WAL").containsPattern("node-a +streaming .* reserved");
    }

    @Test
    void refusesANodeThatHoldsDataOrAWrongReplicationPasswordAndLeavesNothingBehind() throws Exception {
        a = TestNode.start(folder, "node-a", "127.0.0.2");
        b = TestNode.start(folder, "node-b", "127.0.0.3");
        Fixtures.tenant(b, b, null, "own.replication.test");

        assertThat(run(b, "tandem", "join", a.address().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("node node-b already holds data: ", "tenant (1)", "extension (3)",
                "A node joins a cluster empty");

        TestNode c = TestNode.start(folder, "node-c", "127.0.0.4");
        try {
            err.reset();
            assertThat(run(c, "wrong-password", "join", a.address().toString())).isEqualTo(1);
            assertThat(err.toString()).contains("password authentication failed for user \"tandem_replication\"");
            assertThat(c.count("select count(*) from pg_subscription")).isZero();
            assertThat(a.count("select count(*) from pg_subscription")).isZero();
            assertThat(a.count("select count(*) from pg_replication_slots")).isZero();
            assertThat(c.count("select count(*) from node")).as("its own row is back").isEqualTo(1);
        } finally {
            c.close();
        }
        err.reset();
        assertThat(run(a, "tandem", "join")).isEqualTo(2);
        assertThat(err.toString()).startsWith("usage: ./tandem join");
    }

    private int run(TestNode node, String replicationPassword, String... args) {
        Properties properties = new Properties();
        properties.setProperty("tandem.db.url", "jdbc:postgresql://" + node.address().host() + ":" + node.address().port()
                + "/tandem");
        properties.setProperty("tandem.node.name", node.name);
        properties.setProperty("tandem.replication.password", replicationPassword);
        return ClusterCommand.run(args, StorageSettings.from(properties), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
