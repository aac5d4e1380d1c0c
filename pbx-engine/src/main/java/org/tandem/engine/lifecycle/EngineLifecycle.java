package org.tandem.engine.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.tandem.engine.EngineSettings;
import org.tandem.engine.SipEngine;

/**
 * Runs the SIP engine for as long as the application is deployed. The only class of this module that
 * knows about Jakarta EE: the engine itself is plain Java, started and tested without a container.
 */
@Startup
@Singleton
public class EngineLifecycle {

    private static final System.Logger LOG = System.getLogger(EngineLifecycle.class.getName());

    private SipEngine engine;

    /** Settings come from system properties (tandem.node.name, tandem.sip.address, tandem.sip.port). */
    @PostConstruct
    void start() {
        EngineSettings settings = EngineSettings.fromSystemProperties();
        engine = new SipEngine(settings);
        // A failure here fails the deployment, which is right: a PBX node that cannot take SIP is down.
        engine.start();
        LOG.log(System.Logger.Level.INFO, "SIP engine {0} listening on {1}",
                settings.nodeName(), String.join(", ", engine.listeningOn()));
    }

    @PreDestroy
    void stop() {
        engine.stop();
        LOG.log(System.Logger.Level.INFO, "SIP engine {0} stopped", engine.settings().nodeName());
    }
}
