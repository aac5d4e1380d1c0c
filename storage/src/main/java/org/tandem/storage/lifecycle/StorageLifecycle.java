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
import org.tandem.files.FilesException;
import org.tandem.files.FilesSettings;
import org.tandem.files.SharedFiles;
import org.tandem.storage.demo.DemoData;
import org.tandem.storage.demo.DemoMessages;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;
import org.tandem.storage.jpa.JpaTenantRepository;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.schema.SchemaMigration;

import javax.sql.DataSource;
import java.lang.System.Logger.Level;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

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
        AtomicReference<Node> seededOn = new AtomicReference<>();
        inTransaction(() -> {
            Node node = settings.thisNode().registerIn(entityManager);
            if (settings.demo() && DemoData.seedIfEmpty(entityManager, node)) {
                LOG.log(Level.INFO, "Seeded the demo: tenant {0} with {1} extensions; logins in README.md",
                        DemoData.TENANT_DOMAIN, DemoData.EXTENSIONS.size());
                seededOn.set(node);
            }
        });
        if (seededOn.get() != null) {
            leaveDemoMessages(settings, seededOn.get());
        }
    }

    /**
     * After the demo's mailboxes are committed: messages are written as the engine writes them, each row
     * in a transaction of its own once its file is whole. A demo without them still works, so a failure is logged.
     */
    private void leaveDemoMessages(StorageSettings settings, Node node) {
        try {
            SharedFiles files = SharedFiles.open(FilesSettings.from(System.getProperties(), settings.dataDirectory()));
            UUID tenant = new JpaTenantRepository(entityManager).findBySipDomain(DemoData.TENANT_DOMAIN).orElseThrow().id();
            DemoMessages.leave(tenant, new JdbcMailboxes(dataSource), new JdbcVoicemailMessages(dataSource, node.id()),
                    files, node.id());
            LOG.log(Level.INFO, "Left demo voicemail messages in mailbox {0}", DemoMessages.MAILBOX);
        } catch (FilesException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not leave the demo's voicemail messages", e);
        }
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
