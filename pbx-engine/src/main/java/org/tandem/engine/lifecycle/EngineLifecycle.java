package org.tandem.engine.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.tandem.engine.services.EngineServices;
import org.tandem.files.FilesSettings;
import org.tandem.engine.EngineSettings;
import org.tandem.engine.EngineStartException;
import org.tandem.engine.SipEngine;
import org.tandem.engine.services.RegistrarPolicy;
import org.tandem.engine.services.CallPolicy;
import org.tandem.engine.services.MailboxOwners;
import org.tandem.engine.services.MessageWaitingPolicy;
import org.tandem.engine.services.VoicemailData;
import org.tandem.engine.cluster.ClusterPeers;
import org.tandem.storage.jdbc.JdbcCallCounts;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;
import org.tandem.storage.jdbc.JdbcActiveCalls;
import org.tandem.storage.jdbc.JdbcCallRecords;
import org.tandem.storage.jdbc.JdbcRingGroups;
import org.tandem.storage.jdbc.JdbcNodes;
import org.tandem.storage.jdbc.JdbcRegistrations;
import org.tandem.storage.jdbc.JdbcSipAccounts;
import org.tandem.storage.lifecycle.StorageSettings;
import org.tandem.storage.notification.PostgresTenantChanges;
import org.tandem.storage.notification.PostgresSipAccountChanges;
import org.tandem.storage.notification.PostgresVoicemailChanges;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Runs the SIP engine for as long as the application is deployed. The only class of this module that
 * knows about Jakarta EE: the engine itself is plain Java, started and tested without a container.
 * It starts once storage has brought the database up and added this node's row (the EAR names the
 * storage module {@code storage.jar}), since the engine reads accounts and owns bindings as this node.
 */
@Startup
@Singleton
@DependsOn("cluster.jar#ClusterLifecycle")
public class EngineLifecycle {

    private static final System.Logger LOG = System.getLogger(EngineLifecycle.class.getName());

    @Resource(lookup = "java:jboss/datasources/TandemDS")
    DataSource dataSource;

    private SipEngine engine;

    /**
     * Settings come from system properties (tandem.node.name, tandem.sip.address, tandem.sip.port,
     * tandem.auth.*, tandem.call.no.answer.seconds, tandem.cluster.secret, tandem.spool.dir
     * (default: the spool folder in the node's data folder, tandem.data.dir); tandem.db.url,
     * tandem.db.user and tandem.db.password for the connection that listens to account changes).
     */
    @PostConstruct
    void start() {
        Path dataDirectory = StorageSettings.from(System.getProperties()).dataDirectory();
        EngineSettings configured = EngineSettings.fromSystemProperties()
                .withFiles(FilesSettings.from(System.getProperties(), dataDirectory));
        // by default the spool is in the node's data folder, beside its embedded database
        EngineSettings settings = configured.spoolDirectory().isPresent() ? configured
                : configured.withSpoolDirectory(dataDirectory.resolve("spool"));
        UUID nodeId = JdbcNodes.idOf(dataSource, settings.nodeName()).orElseThrow(() -> new EngineStartException(
                "node " + settings.nodeName() + " is not in table node; storage adds it at start-up", null));
        EngineServices services = EngineServices.builder(new JdbcSipAccounts(dataSource),
                        new JdbcRegistrations(dataSource), nodeId)
                .registrar(RegistrarPolicy.fromProperties(System.getProperties()))
                .callRecords(new JdbcCallRecords(dataSource))
                .activeCalls(new JdbcActiveCalls(dataSource))
                .calls(CallPolicy.fromProperties(System.getProperties()))
                .ringGroups(new JdbcRingGroups(dataSource))
                // LISTEN needs a session of its own, outside the datasource's pool
                .peers(ClusterPeers.fromProperties(System.getProperties(), new JdbcNodes(dataSource),
                        new JdbcCallCounts(dataSource),
                        PostgresTenantChanges.registrations(StorageSettings.from(System.getProperties())::openConnection)))
                .accountChanges(new PostgresSipAccountChanges(
                        StorageSettings.from(System.getProperties())::openConnection))
                .voicemail(new VoicemailData(new JdbcMailboxes(dataSource), new JdbcVoicemailMessages(dataSource, nodeId),
                        new PostgresVoicemailChanges(StorageSettings.from(System.getProperties())::openConnection),
                        MessageWaitingPolicy.fromProperties(System.getProperties()), MailboxOwners.in(dataSource)))
                .build();
        engine = new SipEngine(settings, services);
        // A failure here fails the deployment, which is right: a PBX node that cannot take SIP is down.
        engine.start();
        LOG.log(System.Logger.Level.INFO, "SIP engine {0} listening on {1}",
                settings.nodeName(), String.join(", ", engine.listeningOn()));
    }

    /** This node's name, as the engine runs it. */
    @Lock(LockType.READ)
    public String nodeName() {
        return engine.settings().nodeName();
    }

    /** Whether the SIP engine listens now. */
    @Lock(LockType.READ)
    public boolean listening() {
        return engine.isRunning();
    }

    @PreDestroy
    void stop() {
        engine.stop();
        LOG.log(System.Logger.Level.INFO, "SIP engine {0} stopped", engine.settings().nodeName());
    }
}
