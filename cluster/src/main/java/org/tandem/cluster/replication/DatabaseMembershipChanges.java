package org.tandem.cluster.replication;

import org.tandem.domain.node.ClusterMembershipChanges;
import org.tandem.domain.node.MembershipChangeFailedException;
import org.tandem.storage.connection.DatabaseLogin;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.connection.ReplicationLogin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ClusterJoin} and {@link ClusterRemoval} run from this node, for the operator's page: a join
 * reaches the new node's database as this node's login (every node of a cluster has the same) and
 * makes this node the seed of its copy.
 */
public final class DatabaseMembershipChanges implements ClusterMembershipChanges {

    private static final String UNDEFINED_TABLE = "42P01";

    private final DatabaseLogin login;
    private final ReplicationLogin replication;
    private final String selfName;
    private final Optional<NodeDatabase> selfDatabase;
    private final Duration copyTimeout;

    /**
     * @param selfDatabase where peers reach this node's database; empty when its URL names several
     *                     hosts and TANDEM_CLUSTER_DB_ADDRESS is unset (then it cannot be a seed)
     */
    public DatabaseMembershipChanges(DatabaseLogin login, ReplicationLogin replication, String selfName,
                                     Optional<NodeDatabase> selfDatabase, Duration copyTimeout) {
        this.login = Objects.requireNonNull(login, "login");
        this.replication = Objects.requireNonNull(replication, "replication login");
        this.selfName = Objects.requireNonNull(selfName, "this node's name");
        this.selfDatabase = Objects.requireNonNull(selfDatabase, "this node's database");
        this.copyTimeout = Objects.requireNonNull(copyTimeout, "copy timeout");
    }

    @Override
    public Change<Joined> join(String address) {
        NodeDatabase target = NodeDatabase.parse(address);
        return progress -> {
            try (Connection newNode = connect(target)) {
                newNode.setAutoCommit(true);
                ClusterMember joining = ClusterMember.reachedAt(target, nodesOf(newNode, target));
                List<ClusterMember> peers = new ClusterJoin(login, replication, copyTimeout).join(newNode,
                        new ClusterJoin.JoiningNode(joining.id(), joining.name(), target), seed(), progress);
                return new Joined(joining.name(), peers.stream().map(ClusterMember::name).toList());
            } catch (SQLException | RuntimeException e) {
                throw failed("Node at " + target + " did not join", e);
            }
        };
    }

    @Override
    public Change<Removed> removal(String node) {
        return progress -> {
            try {
                progress.accept(Step.CHECKS);
                if (node.equals(selfName)) {
                    throw new IllegalStateException("a node does not remove itself: remove " + node
                            + " on the page of another member");
                }
                try (Connection local = login.connect(seed())) {
                    progress.accept(Step.SUBSCRIPTIONS);
                    boolean reached = new ClusterRemoval(login).remove(local, node);
                    progress.accept(Step.DONE);
                    return new Removed(node, reached);
                }
            } catch (SQLException | RuntimeException e) {
                throw failed("Node " + node + " was not removed", e);
            }
        };
    }

    private NodeDatabase seed() {
        return selfDatabase.orElseThrow(() -> new IllegalStateException("this node's database URL names several hosts:"
                + " set TANDEM_CLUSTER_DB_ADDRESS to its own (host:port/name) to change the cluster from it"));
    }

    private Connection connect(NodeDatabase target) throws SQLException {
        try {
            return login.connect(target);
        } catch (SQLException e) {
            throw new SQLException("cannot reach the new node's database at " + target + " as " + login.user()
                    + " (is it started, and does it take connections from this node?): " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static List<ClusterMember> nodesOf(Connection database, NodeDatabase address) throws SQLException {
        try {
            return ClusterMember.listedIn(database);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw new IllegalStateException("the database at " + address + " is no Tandem node's (it has no node table):"
                        + " start the new node on it first", e);
            }
            throw e;
        }
    }

    private static MembershipChangeFailedException failed(String what, Exception cause) {
        StringBuilder message = new StringBuilder(what).append(": ").append(cause.getMessage());
        for (Throwable also : cause.getSuppressed()) {
            message.append("; ").append(also.getMessage());
        }
        return new MembershipChangeFailedException(message.toString(), cause);
    }
}
