package org.tandem.engine.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import org.tandem.domain.node.NodeHeartbeats;
import org.tandem.domain.node.NodeHeartbeats.Heartbeat;
import org.tandem.domain.settings.NodeSettings;
import org.tandem.storage.jdbc.JdbcNodeHeartbeats;
import org.tandem.storage.jdbc.JdbcNodes;

import javax.sql.DataSource;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * Writes this node's heartbeat every 5 seconds (whether its SIP engine listens, when it started,
 * where its portal answers) into its own row of {@code node_heartbeat}, which replicates to every
 * node: the operator's view and the metrics show each node's health from it, and a node that is not
 * a tenant's home tells the user which portal to use.
 * <p>
 * The portal's address is {@code tandem.portal.url} (TANDEM_PORTAL_URL) when set, else
 * {@code http://<HTTP address>:<HTTP port>/} as WildFly binds them (a wildcard address gives way to
 * the node's cluster address).
 */
@Startup
@Singleton
@DependsOn("EngineLifecycle")
public class NodeHeartbeat {

    private static final System.Logger LOG = System.getLogger(NodeHeartbeat.class.getName());
    private static final long PERIOD_MILLIS = 5_000;

    @Resource(lookup = "java:jboss/datasources/TandemDS")
    DataSource dataSource;

    @Resource
    TimerService timers;

    @EJB
    EngineLifecycle engine;

    private NodeHeartbeats heartbeats;
    private UUID nodeId;
    private Instant startedAt;
    private String portalUrl;
    private boolean failing;

    @PostConstruct
    void start() {
        String nodeName = engine.nodeName();
        nodeId = JdbcNodes.idOf(dataSource, nodeName).orElseThrow();
        heartbeats = new JdbcNodeHeartbeats(dataSource);
        startedAt = Instant.now();
        portalUrl = portalUrl(System.getProperties());
        beat();
        timers.createIntervalTimer(PERIOD_MILLIS, PERIOD_MILLIS, new TimerConfig(null, false));
    }

    @Timeout
    void beat() {
        try {
            heartbeats.beat(nodeId, new Heartbeat(Instant.now(), startedAt, engine.listening(), portalUrl));
            if (failing) {
                failing = false;
                LOG.log(Level.INFO, "heartbeat written again");
            }
        } catch (RuntimeException e) {
            // the database is down or refuses: other nodes see this node fall silent, which is the truth
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "cannot write this node's heartbeat: " + e.getMessage());
            }
        }
    }

    static String portalUrl(Properties properties) {
        String configured = properties.getProperty("tandem.portal.url");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host = properties.getProperty("jboss.bind.address", "127.0.0.1");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = properties.getProperty("tandem.cluster.address", properties.getProperty("tandem.sip.address", "127.0.0.1"));
        }
        int port = NodeSettings.wholeNumber(properties, "jboss.http.port", 8080)
                + NodeSettings.wholeNumber(properties, "jboss.socket.binding.port-offset", 0);
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
    }
}
