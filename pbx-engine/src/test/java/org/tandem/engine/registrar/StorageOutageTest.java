package org.tandem.engine.registrar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.engine.EngineSettings;
import org.tandem.engine.SipEngine;
import org.tandem.engine.services.EngineServices;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sip.SipTestClient;
import org.tandem.testsupport.sip.TestPhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.sip.TestPhone.statusOf;

/**
 * When accounts or bindings cannot be read (the database is down), an authenticating phone gets 503
 * with Retry-After, so it tries again later or goes to the pool's other node; the engine stays up.
 */
@Timeout(30)
class StorageOutageTest {

    @Test
    void aRegisterIsAnswered503WithRetryAfterWhileTheDatabaseIsDown() throws Exception {
        SipAccounts down = (domain, username) -> {
            throw new IllegalStateException("could not read SIP account",
                    new java.sql.SQLException("Connection to 127.0.0.1:15432 refused", "08001"));
        };
        int port = FreePorts.udpAndTcp();
        try (SipEngine engine = new SipEngine(new EngineSettings("outage", "127.0.0.1", port, EngineSettings.StackTuning.DEFAULT),
                EngineServices.withoutAccounts().toBuilder().accounts(down).build());
             TestPhone phone = TestPhone.udp(port, "101", RegistrarDatabase.ALPHA)) {
            engine.start();

            String response = phone.registerWithAuth(phone.register());

            assertThat(statusOf(response)).isEqualTo(503);
            assertThat(SipTestClient.headers(response, "Retry-After")).containsExactly("30");
            assertThat(statusOf(phone.send(phone.register()))).as("still answering").isEqualTo(401);
        }
    }
}
