package org.tandem.storage.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.tandem.router.dns.DnsPublishing;
import org.tandem.storage.jdbc.JdbcClusterLayouts;

import javax.sql.DataSource;
import java.lang.System.Logger.Level;

/**
 * Starts DNS publishing (router.dns.DnsPublishing) once the database is up, when the TANDEM_DNS_*
 * settings ask for it; otherwise it logs once that it is off. Settings that make no sense are logged
 * as an error and leave publishing off: a node whose DNS settings are wrong still serves calls.
 */
@Startup
@Singleton
@DependsOn("StorageLifecycle")
public class DnsLifecycle {

    private static final System.Logger LOG = System.getLogger(DnsLifecycle.class.getName());

    @Resource(lookup = "java:jboss/datasources/TandemDS")
    private DataSource dataSource;

    private DnsPublishing publishing;

    @PostConstruct
    void start() {
        try {
            publishing = DnsPublishing.start(System.getProperties(), new JdbcClusterLayouts(dataSource)).orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "DNS publishing not started, fix the TANDEM_DNS_* settings: {0}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (publishing != null) {
            publishing.close();
        }
    }
}
