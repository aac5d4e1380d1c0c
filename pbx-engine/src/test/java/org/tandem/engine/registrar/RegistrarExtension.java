package org.tandem.engine.registrar;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.support.TypeBasedParameterResolver;
import org.tandem.engine.EngineSettings;
import org.tandem.engine.SipEngine;
import org.tandem.engine.services.CallPolicy;
import org.tandem.engine.services.EngineServices;
import org.tandem.engine.services.MailboxOwners;
import org.tandem.engine.services.MessageWaitingPolicy;
import org.tandem.engine.services.VoicemailData;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;
import org.tandem.storage.notification.PostgresVoicemailChanges;
import org.tandem.storage.jdbc.JdbcActiveCalls;
import org.tandem.storage.jdbc.JdbcCallRecords;
import org.tandem.storage.jdbc.JdbcRegistrations;
import org.tandem.storage.jdbc.JdbcRingGroups;
import org.tandem.storage.jdbc.JdbcSipAccounts;
import org.tandem.storage.notification.PostgresSipAccountChanges;
import org.tandem.testsupport.ports.FreePorts;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * For a whole test class: the run's seeded PostgreSQL ({@link RegistrarDatabase#shared}) and an engine on a free
 * loopback port that reads accounts and keeps bindings there through the real JDBC repositories,
 * hears of account changes over LISTEN, on a {@link TestClock}. Register it as a static field with
 * {@code @RegisterExtension}. Its {@link #database()} reads only once the engine has written what
 * it owes the database. A method of the test class (a base class's {@code @BeforeEach}, say) that
 * takes a {@code RegistrarExtension} is given this one.
 */
public final class RegistrarExtension extends TypeBasedParameterResolver<RegistrarExtension>
        implements BeforeAllCallback, AfterAllCallback {

    private final BiFunction<EngineServices, DataSource, EngineServices> tuning;
    private final EngineSettings.LoadTuning load;
    private final UnaryOperator<EngineSettings> settings;
    private final TestClock clock = new TestClock();
    private RegistrarDatabase database;
    private EngineServices services;
    private SipEngine engine;

    public RegistrarExtension() {
        this(UnaryOperator.identity());
    }

    /** @param tuning changes the services (cleanup period, throttle limits) before the engine starts */
    public RegistrarExtension(UnaryOperator<EngineServices> tuning) {
        this(tuning, EngineSettings.LoadTuning.DEFAULT);
    }

    /** @param load the engine's caches, write-behind and load shedding */
    public RegistrarExtension(UnaryOperator<EngineServices> tuning, EngineSettings.LoadTuning load) {
        this((services, data) -> tuning.apply(services), load, UnaryOperator.identity());
    }

    /**
     * @param tuning   changes the services, with repositories of its own on the database's {@code DataSource}
     * @param settings changes the engine's settings (its files, voicemail, media)
     */
    public RegistrarExtension(BiFunction<EngineServices, DataSource, EngineServices> tuning,
                              UnaryOperator<EngineSettings> settings) {
        this(tuning, EngineSettings.LoadTuning.DEFAULT, settings);
    }

    private RegistrarExtension(BiFunction<EngineServices, DataSource, EngineServices> tuning,
                               EngineSettings.LoadTuning load, UnaryOperator<EngineSettings> settings) {
        this.tuning = tuning;
        this.load = load;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RegistrarDatabase shared = RegistrarDatabase.shared(context);
        database = shared.readingAfter(this::awaitWritten);
        services = tuning.apply(EngineServices.builder(new JdbcSipAccounts(shared.dataSource()),
                new JdbcRegistrations(shared.dataSource()), shared.nodeId()).clock(clock)
                .callRecords(new JdbcCallRecords(shared.dataSource()))
                .activeCalls(new JdbcActiveCalls(shared.dataSource()))
                .ringGroups(new JdbcRingGroups(shared.dataSource()))
                .accountChanges(new PostgresSipAccountChanges(shared.dataSource()::getConnection))
                .voicemail(new VoicemailData(new JdbcMailboxes(shared.dataSource()),
                        new JdbcVoicemailMessages(shared.dataSource(), shared.nodeId()),
                        new PostgresVoicemailChanges(shared.dataSource()::getConnection), MessageWaitingPolicy.DEFAULT,
                        MailboxOwners.in(shared.dataSource())))
                // a test's engine stops at once, whatever calls its phones left up
                .calls(CallPolicy.DEFAULT.withStopGrace(Duration.ZERO)).build(), shared.dataSource());
        engine = new SipEngine(settings.apply(new EngineSettings(RegistrarDatabase.NODE_NAME, "127.0.0.1",
                FreePorts.udpAndTcp(), EngineSettings.StackTuning.DEFAULT, load)), services);
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

    private void awaitWritten() {
        if (engine != null && !engine.awaitWritten(Duration.ofSeconds(5))) {
            throw new AssertionError("the engine did not write its bindings and call records within 5 s");
        }
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

    @Override
    public RegistrarExtension resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }
}
