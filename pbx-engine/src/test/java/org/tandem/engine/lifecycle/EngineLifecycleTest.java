package org.tandem.engine.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.EngineStartException;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.testsupport.logging.CapturedLog;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sip.SipTestClient;
import org.tandem.testsupport.sip.TestPhone;

import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.testsupport.sip.SipTestClient.statusCode;

/**
 * The bean's callbacks run in plain JUnit, as the container would call them, with the datasource
 * the container would inject: a real PostgreSQL where storage has added this node's row.
 */
@Timeout(60)
class EngineLifecycleTest {

    static RegistrarDatabase database;

    @RegisterExtension
    static final BeforeAllCallback DATABASE = context -> database = RegistrarDatabase.shared(context);

    private final Properties savedSystemProperties = new Properties();
    private CapturedLog logged;

    @TempDir
    Path dataFolder;

    @BeforeEach
    void captureLogAndSaveProperties() {
        savedSystemProperties.putAll(System.getProperties());
        // the engine's spool goes into the node's data folder
        System.setProperty("tandem.data.dir", dataFolder.toString());
        logged = CapturedLog.start(EngineLifecycle.class, Level.ALL);
    }

    @AfterEach
    void restore() {
        logged.close();
        System.setProperties(savedSystemProperties);
    }

    @Test
    void startsTheEngineFromSystemPropertiesAndStopsIt() throws Exception {
        int port = FreePorts.udpAndTcp();
        System.setProperty("tandem.node.name", RegistrarDatabase.NODE_NAME);
        System.setProperty("tandem.sip.address", "127.0.0.1");
        System.setProperty("tandem.sip.port", Integer.toString(port));
        System.setProperty("tandem.auth.failures.per.account", "3");
        System.setProperty("tandem.db.url", database.url());
        EngineLifecycle bean = new EngineLifecycle();
        bean.dataSource = database.dataSource();
        String number = database.newExtension();
        String contact;

        bean.start();
        try (SipTestClient client = new SipTestClient(port);
             TestPhone phone = TestPhone.udp(port, number, RegistrarDatabase.ALPHA)) {
            assertThat(statusCode(client.exchange(client.request("OPTIONS", client.engineUri())))).isEqualTo(200);
            String challenge = phone.send(phone.register());
            assertThat(TestPhone.challenges(challenge)).as("the algorithms the tenant chose")
                    .extracting(c -> c.get("algorithm")).containsExactly("MD5", "SHA-256");
            assertThat(statusCode(phone.registerWithAuth(phone.register()))).isEqualTo(200);
            contact = phone.contactUri();
        } finally {
            bean.stop();
        }

        assertThat(database.storedColumn("node_id", number, RegistrarDatabase.ALPHA, contact))
                .as("bound as this node, found by its name, and written by the time it stopped")
                .isEqualTo(database.nodeId().toString());
        assertThat(FreePorts.isFree(port)).isTrue();
        assertThat(logged.messages()).first().asString()
                .contains(RegistrarDatabase.NODE_NAME)
                .contains("sip:127.0.0.1:" + port + ";transport=udp")
                .contains("sip:127.0.0.1:" + port + ";transport=tcp");
    }

    @Test
    void refusesToStartAsANodeThatStorageDidNotRegister() {
        int port = FreePorts.udpAndTcp();
        System.setProperty("tandem.node.name", "stranger");
        System.setProperty("tandem.sip.port", Integer.toString(port));
        EngineLifecycle bean = new EngineLifecycle();
        bean.dataSource = database.dataSource();

        assertThatThrownBy(bean::start).isInstanceOf(EngineStartException.class).hasMessageContaining("stranger");
        assertThat(FreePorts.isFree(port)).isTrue();
    }
}
