package org.tandem.storage.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.tandem.domain.node.Node;
import org.tandem.storage.demo.DemoData;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.replication.ClusterJoin;
import org.tandem.storage.replication.ClusterMembership;
import org.tandem.storage.replication.NodeDatabase;
import org.tandem.storage.schema.SchemaMigration;

import javax.sql.DataSource;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Brings the node's database up before anything else runs: starts the embedded PostgreSQL when no
 * external one is configured, applies the schema migrations, registers this node, seeds the demo on
 * a first run, then joins the cluster when told to (or aligns the publications of the cluster it is
 * in). Bean-managed transactions, because migrations and replication commands commit on their own.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class StorageLifecycle {

    private static final System.Logger LOG = System.getLogger(StorageLifecycle.class.getName());

    @Resource(lookup = "java:jboss/datasources/TandemDS")
    private DataSource dataSource;

    @PersistenceContext(unitName = "tandem")
    private EntityManager entityManager;

    @Resource
    private UserTransaction transaction;

    private EmbeddedDatabase embedded;

    @PostConstruct
    void start() {
        StorageSettings settings = StorageSettings.from(System.getProperties());
        if (settings.embedded()) {
            NodeDatabase target = settings.embeddedTarget();
            embedded = EmbeddedDatabase.start(settings.dataDirectory().resolve("postgres"), target.host(), target.port(),
                    target.name(), settings.user(), settings.password(), settings.replication());
        }
        String version = SchemaMigration.migrate(dataSource);
        LOG.log(Level.INFO, "Tandem schema is at version {0}", version);
        UUID nodeId = inTransaction(() -> {
            Node node = settings.thisNode().registerIn(entityManager);
            if (settings.demo() && DemoData.seedIfEmpty(entityManager, node)) {
                LOG.log(Level.INFO, "Seeded the demo: tenant {0} with {1} extensions; logins in README.md",
                        DemoData.TENANT_DOMAIN, DemoData.EXTENSIONS.size());
            }
            return node.id();
        });
        takePlaceInCluster(settings, nodeId);
    }

    /** Joins the cluster when told to, or keeps the publications aligned when already a member. */
    private static void takePlaceInCluster(StorageSettings settings, UUID nodeId) {
        if (settings.databaseForPeers().isEmpty()) {
            LOG.log(Level.INFO, "No replication set up by Tandem: the database URL names several hosts;"
                    + " set TANDEM_CLUSTER_DB_ADDRESS to this node's own database (host:port/name) to have it");
            return;
        }
        NodeDatabase address = settings.databaseForPeers().get();
        try (Connection local = settings.login().connect(address)) {
            new ClusterMembership(settings.login(), settings.replication())
                    .onStart(local, new ClusterJoin.JoiningNode(nodeId, settings.thisNode().name(), address), settings.joinSeed());
        } catch (SQLException e) {
            throw new IllegalStateException("node " + settings.thisNode().name() + " could not take its place in the cluster: "
                    + e.getMessage(), e);
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        try {
            transaction.begin();
            T result = work.get();
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            rollBack();
            throw e;
        } catch (Exception e) {
            rollBack();
            throw new IllegalStateException("could not prepare the node's data", e);
        }
    }

    private void rollBack() {
        try {
            transaction.rollback();
        } catch (Exception ignored) {
            // the transaction already ended; the original failure is the one to report
        }
    }

    @PreDestroy
    void stop() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
