package org.tandem.cluster.replication;

import org.tandem.storage.connection.DatabaseLogin;
import org.tandem.storage.jdbc.JdbcActiveCalls;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a node out of the cluster, from any member, whether the node still runs or is gone for
 * good: every member stops subscribing to it and drops the slot it kept for it (a forgotten slot
 * keeps WAL until max_slot_wal_keep_size); if the node still runs, its own subscriptions are dropped
 * too. Its node row stays as history (call records point at it) but loses its database address, so
 * it is no member any more; its registrations and the calls it listed as active go (nobody else
 * would ever clean them up; a node removes its own only when it starts again). A node
 * that still serves a pool is refused: move the pool first.
 */
public final class ClusterRemoval {

    private static final System.Logger LOG = System.getLogger(ClusterRemoval.class.getName());

    private final DatabaseLogin login;

    public ClusterRemoval(DatabaseLogin login) {
        this.login = login;
    }

    /**
     * Removes node {@code name}, working through {@code local} (a member's database, auto-committing).
     *
     * @return whether the removed node was reachable (and so cleaned up too)
     */
    public boolean remove(Connection local, String name) throws SQLException {
        List<ClusterMember> listed = ClusterMember.listedIn(local);
        ClusterMember leaving = listed.stream().filter(member -> member.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no member named " + name + " (members: "
                        + String.join(", ", listed.stream().map(ClusterMember::name).toList()) + ")"));
        requireNoPool(local, leaving);
        Map<ClusterMember, Connection> staying = new LinkedHashMap<>();
        Optional<Connection> leavingNode = Optional.empty();
        try {
            for (ClusterMember member : listed) {
                if (member.equals(leaving)) {
                    leavingNode = reachable(member);
                } else {
                    staying.put(member, login.connect(member.database()));
                    new ReplicationCatalog(staying.get(member), member.name()).lockMembership();
                }
            }
            for (Map.Entry<ClusterMember, Connection> member : staying.entrySet()) {
                ReplicationCatalog catalog = new ReplicationCatalog(member.getValue(), member.getKey().name());
                String fromLeaving = leaving.subscriptionOf(member.getKey().name());
                String keptForLeaving = member.getKey().subscriptionOf(leaving.name());
                if (leavingNode.isPresent()) {
                    new ReplicationCatalog(leavingNode.get(), leaving.name()).drop(keptForLeaving);
                    catalog.drop(fromLeaving);
                } else {
                    catalog.dropWithoutPublisher(fromLeaving);
                    catalog.dropSlot(keptForLeaving);
                }
            }
            forget(local, leaving);
            LOG.log(Level.INFO, "Node {0} removed from the cluster{1}", name,
                    leavingNode.isPresent() ? "" : " (it was unreachable: its own database was not touched)");
            return leavingNode.isPresent();
        } finally {
            for (Connection connection : staying.values()) {
                connection.close();
            }
            if (leavingNode.isPresent()) {
                leavingNode.get().close();
            }
        }
    }

    private Optional<Connection> reachable(ClusterMember member) {
        try {
            return Optional.of(login.connect(member.database()));
        } catch (SQLException gone) {
            return Optional.empty();
        }
    }

    private static void requireNoPool(Connection local, ClusterMember leaving) throws SQLException {
        List<String> pools = new ArrayList<>();
        try (PreparedStatement statement = local.prepareStatement(
                "select name from pool where ? in (primary_node_id, secondary_node_id) order by name")) {
            statement.setObject(1, leaving.id());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pools.add(rows.getString(1));
                }
            }
        }
        if (!pools.isEmpty()) {
            throw new IllegalStateException("node " + leaving.name() + " still serves pool(s) " + String.join(", ", pools)
                    + ": move them to other nodes first");
        }
    }

    private static void forget(Connection local, ClusterMember leaving) throws SQLException {
        try (Statement statement = local.createStatement()) {
            statement.executeUpdate("delete from registration where node_id = '" + leaving.id() + "'");
            int cutOff = JdbcActiveCalls.recordCutOff(local, leaving.id());
            if (cutOff > 0) {
                LOG.log(Level.INFO, "Recorded {0} call(s) node {1} still listed as up, ended at its last heartbeat",
                        cutOff, leaving.name());
            }
            statement.executeUpdate("update node set db_host = null, db_port = null, db_name = null where id = '"
                    + leaving.id() + "'");
        }
    }
}
