package org.tandem.cluster.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.tandem.cluster.replication.ClusterJoin;
import org.tandem.cluster.replication.ClusterMembership;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.jdbc.JdbcNodes;
import org.tandem.storage.lifecycle.StorageSettings;

import javax.sql.DataSource;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Once storage has the node's database up and this node in the node table, joins the cluster when
 * told to, or keeps the publications of the cluster it is in aligned. Bean-managed transactions,
 * because replication commands commit on their own; the engine starts after this.
 */
@Startup
@Singleton
@DependsOn("storage.jar#StorageLifecycle")
@TransactionManagement(TransactionManagementType.BEAN)
public class ClusterLifecycle {

    private static final System.Logger LOG = System.getLogger(ClusterLifecycle.class.getName());

    @Resource(lookup = "java:jboss/datasources/TandemDS")
    private DataSource dataSource;

    @PostConstruct
    void start() {
        StorageSettings settings = StorageSettings.from(System.getProperties());
        if (settings.databaseForPeers().isEmpty()) {
            LOG.log(Level.INFO, "No replication set up by Tandem: the database URL names several hosts;"
                    + " set TANDEM_CLUSTER_DB_ADDRESS to this node's own database (host:port/name) to have it");
            return;
        }
        String name = settings.thisNode().name();
        UUID nodeId = JdbcNodes.idOf(dataSource, name).orElseThrow(() -> new IllegalStateException(
                "node " + name + " is not in table node; storage adds it at start-up"));
        NodeDatabase address = settings.databaseForPeers().get();
        try (Connection local = settings.login().connect(address)) {
            new ClusterMembership(settings.login(), settings.replication())
                    .onStart(local, new ClusterJoin.JoiningNode(nodeId, name, address), settings.joinSeed());
        } catch (SQLException e) {
            throw new IllegalStateException("node " + name + " could not take its place in the cluster: "
                    + e.getMessage(), e);
        }
    }
}
