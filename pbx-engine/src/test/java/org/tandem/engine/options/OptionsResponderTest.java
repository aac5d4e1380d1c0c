package org.tandem.engine.options;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.EngineExtension;
import org.tandem.testsupport.sip.SipTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.sip.SipTestClient.headers;
import static org.tandem.testsupport.sip.SipTestClient.statusCode;

/** The 200 to OPTIONS, header by header (the SIPp test checks the same over both transports). */
class OptionsResponderTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    @Test
    void answers200WithCapabilities() throws Exception {
        try (SipTestClient client = new SipTestClient(ENGINE.port())) {
            String request = client.request("OPTIONS", client.engineUri());
            String response = client.exchange(request);

            assertThat(statusCode(response)).isEqualTo(200);
            assertThat(headers(response, "Allow")).containsExactly("INVITE,ACK,BYE,CANCEL,OPTIONS,REGISTER,SUBSCRIBE");
            assertThat(headers(response, "Accept")).containsExactly("application/sdp");
            assertThat(headers(response, "Supported")).containsExactly("");
            assertThat(headers(response, "Server")).containsExactly("Tandem");
            assertThat(headers(response, "To")).singleElement().asString().contains(";tag=");
            for (String copied : new String[] {"Via", "From", "Call-ID", "CSeq"}) {
                assertThat(headers(response, copied)).as(copied).isEqualTo(headers(request, copied));
            }
        }
    }
}
