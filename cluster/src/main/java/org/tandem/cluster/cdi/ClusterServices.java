package org.tandem.cluster.cdi;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tandem.domain.node.ClusterMembershipChanges;
import org.tandem.domain.node.NodeHeartbeats;
import org.tandem.domain.node.ReplicationHealth;
import org.tandem.domain.tenant.HomeNodeCheck;
import org.tandem.storage.jdbc.JdbcNodeHeartbeats;
import org.tandem.storage.jdbc.JdbcNodes;
import org.tandem.storage.lifecycle.StorageSettings;
import org.tandem.cluster.replication.ClusterJoin;
import org.tandem.cluster.replication.DatabaseMembershipChanges;
import org.tandem.cluster.replication.DatabaseReplicationHealth;
import org.tandem.cluster.replication.HomeNodeGuard;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * What this node knows of the cluster, for the rest of the EAR: the home-node rule for tenant
 * changes (in the caller's transaction), replication as this node sees it, the nodes' heartbeats,
 * and joining or removing nodes from here. This node is found by name in the node table on first use, after storage has added it.
 */
@ApplicationScoped
public class ClusterServices {

    @PersistenceContext(unitName = "storage.jar#tandem")
    private EntityManager entityManager;

    @Resource(lookup = "java:jboss/datasources/TandemDS")
    private DataSource dataSource;

    private final StorageSettings settings = StorageSettings.from(System.getProperties());
    private volatile UUID nodeId;

    private UUID nodeId() {
        if (nodeId == null) {
            nodeId = JdbcNodes.idOf(dataSource, settings.thisNode().name()).orElseThrow(() -> new IllegalStateException(
                    "node " + settings.thisNode().name() + " is not in table node; storage adds it at start-up"));
        }
        return nodeId;
    }

    @Produces
    HomeNodeGuard homeNodeGuard() {
        return new HomeNodeGuard(nodeId(), settings.thisNode().name(), settings.login());
    }

    /** Checks in the transaction of the container's entity manager, the one the repositories write through. */
    @Produces
    HomeNodeCheck homeNodeCheck() {
        return homeNodeGuard().inTransactionOf(entityManager);
    }

    @Produces
    ReplicationHealth replicationHealth() {
        return new DatabaseReplicationHealth(dataSource, nodeId(), settings.thisNode().name());
    }

    @Produces
    ClusterMembershipChanges membershipChanges() {
        return new DatabaseMembershipChanges(settings.login(), settings.replication(), settings.thisNode().name(),
                settings.databaseForPeers(), ClusterJoin.COPY_TIMEOUT);
    }

    @Produces
    NodeHeartbeats nodeHeartbeats() {
        return new JdbcNodeHeartbeats(dataSource);
    }
}
