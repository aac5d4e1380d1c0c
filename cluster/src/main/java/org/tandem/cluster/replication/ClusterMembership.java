package org.tandem.cluster.replication;

import org.tandem.storage.connection.DatabaseLogin;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.connection.ReplicationLogin;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a node does about the cluster each time it starts, once its schema is migrated and its node
 * row written: it records where peers reach its database; if it is told to join and is in no
 * cluster yet, it joins ({@link ClusterJoin}); if it is a member, it aligns every member's
 * publication with the schemas they now have ({@link PublicationAlignment}), which needs every
 * member up, and otherwise waits for a later start.
 */
public final class ClusterMembership {

    private static final System.Logger LOG = System.getLogger(ClusterMembership.class.getName());

    private final DatabaseLogin login;
    private final ReplicationLogin replication;

    public ClusterMembership(DatabaseLogin login, ReplicationLogin replication) {
        this.login = login;
        this.replication = replication;
    }

    /**
     * @param local     this node's database, as its own login (auto-commit: replication commands
     *                  run outside transactions)
     * @param self      this node: id, name, and where its peers reach its database
     * @param joinSeed  a member's database to join through, when this node is to join a cluster
     */
    public void onStart(Connection local, ClusterJoin.JoiningNode self, Optional<NodeDatabase> joinSeed) throws SQLException {
        local.setAutoCommit(true);
        NodeAddress.advertise(local, self.id(), self.database());
        boolean member = !new ReplicationCatalog(local, self.name()).subscriptions().isEmpty();
        if (!member && joinSeed.isPresent()) {
            new ClusterJoin(login, replication).join(local, self, joinSeed.get(),
                    step -> LOG.log(Level.INFO, "Joining the cluster through {0}: {1}", joinSeed.get(), step));
        } else if (member) {
            alignWithPeers(local, self);
        }
    }

    private void alignWithPeers(Connection local, ClusterJoin.JoiningNode self) throws SQLException {
        Map<String, Connection> everyone = new LinkedHashMap<>();
        try {
            for (ClusterMember member : ClusterMember.listedIn(local)) {
                if (!member.id().equals(self.id())) {
                    everyone.put(member.name(), login.connect(member.database()));
                }
            }
            everyone.put(self.name(), local);
            PublicationAlignment.align(everyone);
        } catch (SQLException e) {
            LOG.log(Level.INFO, "Publications not aligned now (a member is unreachable: {0}); this node keeps"
                    + " publishing what every member had when last aligned, and aligns at its next start", e.getMessage());
        } finally {
            for (Connection peer : everyone.values()) {
                if (peer != local) {
                    peer.close();
                }
            }
        }
    }
}
