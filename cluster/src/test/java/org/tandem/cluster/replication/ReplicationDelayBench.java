package org.tandem.cluster.replication;

import org.tandem.testsupport.time.Pause;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Replication delay between three nodes' PostgreSQL 18 (embedded, on 127.0.0.2-4, joined as Tandem
 * joins nodes): node-a commits single-row transactions at a steady rate; each peer stamps the row
 * with its own clock when it applies it (a column the publication does not send, so the peer's
 * default fills it). Delay = the peer's apply time minus node-a's commit time (one machine, one
 * clock). Run by bench/replication.sh; figures go to docs/performance.md.
 */
public final class ReplicationDelayBench {

    private ReplicationDelayBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        if (count < 1 || count > 100_000 || rate < 1 || rate > 5_000) {
            throw new IllegalArgumentException("count 1-100000, rate 1-5000 per second");
        }
        Path folder = Files.createTempDirectory("tandem-replication-bench");
        try (TestNode a = TestNode.start(folder, "node-a", "127.0.0.2");
             TestNode b = TestNode.startJoining(folder, "node-b", "127.0.0.3", a);
             TestNode c = TestNode.startJoining(folder, "node-c", "127.0.0.4", a)) {
            List<TestNode> nodes = List.of(a, b, c);
            for (TestNode node : nodes) {
                node.execute("create table replication_probe (id uuid primary key, "
                        + "applied_at timestamptz not null default clock_timestamp())");
                node.execute("alter publication " + Publication.NAME + " add table replication_probe (id)");
            }
            for (TestNode node : nodes) {
                for (String subscription : node.strings("select subname from pg_subscription order by 1")) {
                    node.execute("alter subscription " + subscription + " refresh publication with (copy_data = false)");
                }
            }
            Pause.of(Duration.ofSeconds(2));
            long started = System.nanoTime();
            write(a, count, rate);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%d single-row commits on node-a asked at %d/s, done at %.0f/s"
                    + " (fsync on, synchronous_commit on)%n", count, rate, count / seconds);
            Map<UUID, Long> committed = times(a, "pg_xact_commit_timestamp(xmin)");
            for (TestNode peer : List.of(b, c)) {
                peer.await(() -> peer.count("select count(*) from replication_probe"), (long) count);
                report("node-a -> " + peer.name, committed, times(peer, "applied_at"));
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static void write(TestNode node, int count, int rate) throws SQLException {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        try (Connection connection = node.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into replication_probe (id) values (?)")) {
            for (int i = 0; i < count; i++) {
                LockSupport.parkNanos(next - System.nanoTime());
                insert.setObject(1, UUID.randomUUID());
                insert.executeUpdate();
                next += interval;
            }
        }
    }

    /** Row id -> time in microseconds since the epoch, from {@code column} on {@code node}. */
    private static Map<UUID, Long> times(TestNode node, String column) throws SQLException {
        Map<UUID, Long> times = new HashMap<>();
        try (Connection connection = node.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select id, (extract(epoch from " + column + ") * 1000000)::bigint from replication_probe");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                times.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        }
        return times;
    }

    private static void report(String link, Map<UUID, Long> committed, Map<UUID, Long> applied) {
        List<Long> delays = new ArrayList<>();
        committed.forEach((id, at) -> delays.add(applied.get(id) - at));
        delays.sort(null);
        System.out.printf(Locale.ROOT, "  %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d rows)%n", link,
                percentile(delays, 0.50), percentile(delays, 0.99), delays.getLast() / 1000.0, delays.size());
    }

    private static double percentile(List<Long> sorted, double fraction) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1)) / 1000.0;
    }
}
