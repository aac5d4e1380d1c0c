package org.tandem.engine.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.EngineExtension;
import org.tandem.testsupport.sip.SipTestClient;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.sip.SipTestClient.headers;
import static org.tandem.testsupport.sip.SipTestClient.statusCode;

/** How the router answers each kind of request, seen from a raw UDP peer. */
class RequestRoutingTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    @Test
    void registerGoesToTheRegistrarWhichChallengesIt(SipTestClient client) throws Exception {
        String response = client.exchange(client.request("REGISTER", "sip:pbx.example.com",
                "Contact: <sip:alice@127.0.0.1:" + client.localPort() + ">"));

        assertThat(statusCode(response)).isEqualTo(401);
        // a domain no tenant has is challenged like a tenant with the default digest: MD5 alone
        assertThat(headers(response, "WWW-Authenticate")).singleElement().asString().contains("algorithm=MD5");
        assertThat(headers(response, "Server")).containsExactly("Tandem");
        assertThat(headers(response, "To")).singleElement().asString().contains(";tag=");
    }

    @Test
    void anUnhandledMethodGets405ListingWhatIsAllowed(SipTestClient client) throws Exception {
        String response = client.exchange(client.request("PUBLISH", "sip:alice@127.0.0.1", "Event: presence"));

        assertThat(statusCode(response)).isEqualTo(405);
        assertThat(headers(response, "Allow")).containsExactly("INVITE,ACK,BYE,CANCEL,OPTIONS,REGISTER,SUBSCRIBE");
    }

    @Test
    void anInviteWithoutCredentialsIsChallengedWith407AndItsAckIsNotAnswered(SipTestClient client) throws Exception {
        String invite = client.request("INVITE", "sip:bob@alpha.tandem.test");
        String response = client.exchange(invite);
        assertThat(statusCode(response)).isEqualTo(407);
        assertThat(headers(response, "Proxy-Authenticate")).singleElement().asString().contains("algorithm=MD5");

        String toWithTag = headers(response, "To").getFirst();
        String ack = invite.replaceFirst("INVITE sip", "ACK sip")
                .replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                .replaceFirst("(?m)^To: .*$", "To: " + toWithTag);
        client.send(ack);
        assertThat(client.receive(Duration.ofMillis(500))).as("an ACK gets no response").isEmpty();
    }

    @Test
    void aRetransmittedRequestGetsTheSameToTag(SipTestClient client) throws Exception {
        String register = client.request("REGISTER", "sip:127.0.0.1");
        String first = client.exchange(register);
        // Like a phone on UDP, retransmit until answered (Timer E, T1 = 500 ms): the stack drops a
        // copy that arrives while it is still finishing the first, so one copy may go unanswered.
        Optional<String> second = Optional.empty();
        for (int attempt = 0; attempt < 4 && second.isEmpty(); attempt++) {
            client.send(register);
            second = client.receive(Duration.ofMillis(500));
        }
        assertThat(second).as("an answer to a retransmission within four tries").isPresent();
        assertThat(headers(second.get(), "To")).isEqualTo(headers(first, "To"));
    }

    @Test
    void aStrayAckIsNotAnswered(SipTestClient client) throws Exception {
        client.send(client.request("ACK", "sip:bob@127.0.0.1"));
        assertThat(client.receive(Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void aCancelMatchingNoTransactionGets481(SipTestClient client) throws Exception {
        String response = client.exchange(client.request("CANCEL", "sip:bob@127.0.0.1"));
        assertThat(statusCode(response)).isEqualTo(481);
    }

    @Test
    void anUnknownExtensionInRequireGets420(SipTestClient client) throws Exception {
        String response = client.exchange(client.request("OPTIONS", client.engineUri(), "Require: 100rel, foo"));
        assertThat(statusCode(response)).isEqualTo(420);
        assertThat(String.join(",", headers(response, "Unsupported")).replace(" ", "")).isEqualTo("100rel,foo");
    }

    @Test
    void aNonSipRequestUriGets416(SipTestClient client) throws Exception {
        String response = client.exchange(client.request("OPTIONS", "tel:+15551234567"));
        assertThat(statusCode(response)).isEqualTo(416);
    }
}
