package org.tandem.cluster.command;

import org.postgresql.ds.PGSimpleDataSource;
import org.tandem.cluster.replication.ClusterJoin;
import org.tandem.cluster.replication.ClusterMember;
import org.tandem.cluster.replication.ClusterRemoval;
import org.tandem.cluster.replication.ReplicationStatus;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.jdbc.JdbcNodes;
import org.tandem.storage.lifecycle.StorageSettings;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The operator's commands for a node's place in the cluster, run by {@code ./tandem join} and
 * {@code ./tandem replication} against the node's database (the node may be running). Settings are
 * the node's own (TANDEM_* variables, which ./tandem passes as system properties).
 * <pre>
 *   join host:port/name   make this node a member of the cluster that database belongs to
 *   status                what this node receives from and keeps for each peer
 *   remove name           take node name out of the cluster (run on any other member)
 * </pre>
 * Exit status 0 on success, 1 on a refusal or failure (the reason on stderr), 2 on bad usage.
 */
public final class ClusterCommand {

    private ClusterCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, StorageSettings.from(System.getProperties()), System.out, System.err));
    }

    static int run(String[] args, StorageSettings settings, PrintStream out, PrintStream err) {
        if (args.length == 0 || !List.of("join", "status", "remove").contains(args[0])
                || (args[0].equals("status") ? args.length != 1 : args.length != 2)) {
            err.println("usage: ./tandem join <host:port/name of a member's database> | ./tandem replication"
                    + " | ./tandem remove <node name>");
            return 2;
        }
        try {
            NodeDatabase self = settings.databaseForPeers().orElseThrow(() -> new IllegalStateException(
                    "this node's database URL names several hosts: set TANDEM_CLUSTER_DB_ADDRESS to its own (host:port/name)"));
            String name = settings.thisNode().name();
            try (Connection local = settings.login().connect(self)) {
                UUID id = JdbcNodes.idOf(dataSource(settings, self), name).orElseThrow(() -> new IllegalStateException(
                        "no node " + name + " in the database at " + self + ": start the node once first (./tandem run)"));
                if (args[0].equals("join")) {
                    NodeDatabase seed = NodeDatabase.parse(args[1]);
                    List<ClusterMember> members = new ClusterJoin(settings.login(), settings.replication())
                            .join(local, new ClusterJoin.JoiningNode(id, name, self), seed,
                                    step -> out.println("join: " + step.name().toLowerCase(Locale.ROOT)));
                    out.println(name + " joined the cluster; it replicates with "
                            + String.join(", ", members.stream().map(member -> member.name() + " (" + member.database() + ")").toList()));
                } else if (args[0].equals("remove")) {
                    boolean reached = new ClusterRemoval(settings.login()).remove(local, args[1]);
                    out.println(args[1] + " is no longer a member" + (reached ? ""
                            : "; it was unreachable: if it comes back, delete its data folder before it starts"));
                } else {
                    print(ReplicationStatus.read(local, id, name), out);
                }
            }
            return 0;
        } catch (SQLException | RuntimeException e) {
            err.println("tandem: " + e.getMessage());
            return 1;
        }
    }

    private static PGSimpleDataSource dataSource(StorageSettings settings, NodeDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(settings.user());
        dataSource.setPassword(settings.password());
        return dataSource;
    }

    static void print(ReplicationStatus status, PrintStream out) {
        out.printf("node %s at WAL %s%n", status.node(), status.position());
        out.printf("%-16s %-10s %-14s %12s %14s %-10s %10s %10s %10s%n", "peer", "receiving", "last message",
                "lag bytes", "WAL kept", "slot", "replay", "diverged", "elsewhere");
        for (ReplicationStatus.PeerLink link : status.peers()) {
            ReplicationStatus.Incoming in = link.incoming();
            out.printf("%-16s %-10s %-14s %12s %14s %-10s %10s %10d %10d%n", link.peer(),
                    in.state().name().toLowerCase(Locale.ROOT), age(in.lastMessageAge()),
                    link.outgoing().map(slot -> String.valueOf(slot.lagBytes())).orElse("-"),
                    link.outgoing().map(slot -> String.valueOf(slot.retainedBytes())).orElse("-"),
                    link.outgoing().map(slot -> slot.active() ? slot.walStatus() : "inactive").orElse("missing"),
                    link.outgoing().map(slot -> age(slot.replayLag())).orElse("-"),
                    in.conflicts().divergence(), in.conflicts().rowsLastWrittenElsewhere());
        }
        for (ReplicationStatus.Slot orphan : status.orphanSlots()) {
            out.printf("slot %s belongs to no member and keeps %d bytes of WAL: drop it (docs/operations.md)%n",
                    orphan.name(), orphan.retainedBytes());
        }
    }

    private static String age(Duration duration) {
        return duration == null ? "-" : duration.toMillis() + " ms";
    }
}
