package org.tandem.engine.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.engine.FreePort;
import org.tandem.engine.SipTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.SipTestClient.statusCode;

/** The bean's callbacks run in plain JUnit, as the container would call them. */
class EngineLifecycleTest {

    private final Properties savedSystemProperties = new Properties();
    private final List<String> logged = new ArrayList<>();
    private final Logger julLogger = Logger.getLogger(EngineLifecycle.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogAndSaveProperties() {
        savedSystemProperties.putAll(System.getProperties());
        julLogger.addHandler(capture);
        julLogger.setUseParentHandlers(false);
    }

    @AfterEach
    void restore() {
        julLogger.removeHandler(capture);
        julLogger.setUseParentHandlers(true);
        System.setProperties(savedSystemProperties);
    }

    @Test
    void startsTheEngineFromSystemPropertiesAndStopsIt() throws Exception {
        int port = FreePort.udpAndTcp();
        System.setProperty("tandem.node.name", "lifecycle-test");
        System.setProperty("tandem.sip.address", "127.0.0.1");
        System.setProperty("tandem.sip.port", Integer.toString(port));
        EngineLifecycle bean = new EngineLifecycle();

        bean.start();
        try (SipTestClient client = new SipTestClient(port)) {
            assertThat(statusCode(client.exchange(client.request("OPTIONS", client.engineUri())))).isEqualTo(200);
        } finally {
            bean.stop();
        }

        assertThat(FreePort.isFree(port)).isTrue();
        assertThat(logged).first().asString()
                .contains("lifecycle-test")
                .contains("sip:127.0.0.1:" + port + ";transport=udp")
                .contains("sip:127.0.0.1:" + port + ";transport=tcp");
    }
}
