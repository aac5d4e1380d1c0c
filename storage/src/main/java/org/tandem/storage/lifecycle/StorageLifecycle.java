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
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.schema.SchemaMigration;

import javax.sql.DataSource;
import java.lang.System.Logger.Level;

/**
 * Brings the node's database up before anything else runs: starts the embedded PostgreSQL when no
 * external one is configured, applies the schema migrations, registers this node, seeds the demo on
 * a first run. Taking its place in the cluster follows, in the cluster module (its ClusterLifecycle).
 * Bean-managed transactions, because migrations commit on their own.
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
        inTransaction(() -> {
            Node node = settings.thisNode().registerIn(entityManager);
            if (settings.demo() && DemoData.seedIfEmpty(entityManager, node)) {
                LOG.log(Level.INFO, "Seeded the demo: tenant {0} with {1} extensions; logins in README.md",
                        DemoData.TENANT_DOMAIN, DemoData.EXTENSIONS.size());
            }
        });
    }

    private void inTransaction(Runnable work) {
        try {
            transaction.begin();
            work.run();
            transaction.commit();
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
