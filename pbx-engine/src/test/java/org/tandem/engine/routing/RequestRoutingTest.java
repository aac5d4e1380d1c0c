package org.tandem.engine.routing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.EngineExtension;
import org.tandem.engine.SipTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.SipTestClient.headers;
import static org.tandem.engine.SipTestClient.statusCode;

/** How the router answers each kind of request, seen from a raw UDP peer. */
class RequestRoutingTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private SipTestClient client;

    @BeforeEach
    void connect() throws Exception {
        client = new SipTestClient(ENGINE.port());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void registerGoesToTheRegistrarWhichChallengesIt() throws Exception {
        String response = client.exchange(client.request("REGISTER", "sip:pbx.example.com",
                "Contact: <sip:alice@127.0.0.1:" + client.localPort() + ">"));

        assertThat(statusCode(response)).isEqualTo(401);
        assertThat(headers(response, "WWW-Authenticate")).hasSize(2);
        assertThat(headers(response, "Server")).containsExactly("Tandem");
        assertThat(headers(response, "To")).singleElement().asString().contains(";tag=");
    }

    @Test
    void anUnhandledMethodGets405ListingWhatIsAllowed() throws Exception {
        String response = client.exchange(client.request("SUBSCRIBE", "sip:alice@127.0.0.1", "Event: presence"));

        assertThat(statusCode(response)).isEqualTo(405);
        assertThat(headers(response, "Allow")).containsExactly("OPTIONS,REGISTER");
    }

    @Test
    void inviteIsRefusedWith405AndItsAckIsNotAnswered() throws Exception {
        String invite = client.request("INVITE", "sip:bob@127.0.0.1");
        String response = client.exchange(invite);
        assertThat(statusCode(response)).isEqualTo(405);
        assertThat(headers(response, "Allow")).containsExactly("OPTIONS,REGISTER");

        String toWithTag = headers(response, "To").getFirst();
        String ack = invite.replaceFirst("INVITE sip", "ACK sip")
                .replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                .replaceFirst("(?m)^To: .*$", "To: " + toWithTag);
        client.send(ack);
        assertThat(client.receive(Duration.ofMillis(500))).as("an ACK gets no response").isEmpty();
    }

    @Test
    void aRetransmittedRequestGetsTheSameToTag() throws Exception {
        String register = client.request("REGISTER", "sip:127.0.0.1");
        String first = client.exchange(register);
        String second = client.exchange(register);
        assertThat(headers(second, "To")).isEqualTo(headers(first, "To"));
    }

    @Test
    void aStrayAckIsNotAnswered() throws Exception {
        client.send(client.request("ACK", "sip:bob@127.0.0.1"));
        assertThat(client.receive(Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void aCancelMatchingNoTransactionGets481() throws Exception {
        String response = client.exchange(client.request("CANCEL", "sip:bob@127.0.0.1"));
        assertThat(statusCode(response)).isEqualTo(481);
    }

    @Test
    void anUnknownExtensionInRequireGets420() throws Exception {
        String response = client.exchange(client.request("OPTIONS", client.engineUri(), "Require: 100rel, foo"));
        assertThat(statusCode(response)).isEqualTo(420);
        assertThat(String.join(",", headers(response, "Unsupported")).replace(" ", "")).isEqualTo("100rel,foo");
    }

    @Test
    void aNonSipRequestUriGets416() throws Exception {
        String response = client.exchange(client.request("OPTIONS", "tel:+15551234567"));
        assertThat(statusCode(response)).isEqualTo(416);
    }
}
