package org.tandem.engine.registrar;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tandem.engine.EngineServices;
import org.tandem.engine.EngineSettings;
import org.tandem.engine.FreePort;
import org.tandem.engine.SipEngine;
import org.tandem.storage.jdbc.JdbcCallRecords;
import org.tandem.storage.jdbc.JdbcRegistrations;
import org.tandem.storage.jdbc.JdbcRingGroups;
import org.tandem.storage.jdbc.JdbcSipAccounts;

import java.util.function.UnaryOperator;

/**
 * For a whole test class: the run's seeded PostgreSQL ({@link RegistrarDatabase#shared}) and an engine on a free
 * loopback port that reads accounts and keeps bindings there through the real JDBC repositories,
 * on a {@link TestClock}. Register it as a static field with {@code @RegisterExtension}.
 */
public final class RegistrarExtension implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<EngineServices> tuning;
    private final TestClock clock = new TestClock();
    private RegistrarDatabase database;
    private EngineServices services;
    private SipEngine engine;

    public RegistrarExtension() {
        this(UnaryOperator.identity());
    }

    /** @param tuning changes the services (cleanup period, throttle limits) before the engine starts */
    public RegistrarExtension(UnaryOperator<EngineServices> tuning) {
        this.tuning = tuning;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = RegistrarDatabase.shared(context);
        services = tuning.apply(EngineServices.of(new JdbcSipAccounts(database.dataSource()),
                new JdbcRegistrations(database.dataSource()), database.nodeId()).withClock(clock)
                .withCallRecords(new JdbcCallRecords(database.dataSource()))
                .withRingGroups(new JdbcRingGroups(database.dataSource())));
        engine = new SipEngine(new EngineSettings(RegistrarDatabase.NODE_NAME, "127.0.0.1", FreePort.udpAndTcp(),
                EngineSettings.StackTuning.DEFAULT), services);
        engine.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engine.stop();
    }

    /** Stops the engine and starts a new one on the same port, database and node id. */
    public void restartEngine() {
        engine.stop();
        engine = new SipEngine(engine.settings(), services);
        engine.start();
    }

    public int port() {
        return engine.settings().port();
    }

    public SipEngine engine() {
        return engine;
    }

    public RegistrarDatabase database() {
        return database;
    }

    public TestClock clock() {
        return clock;
    }
}
