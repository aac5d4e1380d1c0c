package org.tandem.engine.overload;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import org.junit.jupiter.api.Test;
import org.tandem.engine.sip.Replies;
import org.tandem.testsupport.sip.SipTestClient;

import javax.sip.message.Request;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests are refused at which delay, on real parsed requests and a queue delay the test
 * sets. That a flooded engine really answers 503 and stays up is {@link OverloadTest}.
 */
class LoadSheddingTest {

    private static final String AUTHORIZATION = "Authorization: Digest username=\"101\", realm=\"a.example.com\", "
            + "nonce=\"n\", uri=\"sip:a.example.com\", response=\"0123\"";
    private static final String PROXY_AUTHORIZATION = "Proxy-" + AUTHORIZATION;

    private final AtomicLong waitMillis = new AtomicLong();
    private final AtomicBoolean recordsBacklogged = new AtomicBoolean();
    private final MessageFactoryImpl messages = new MessageFactoryImpl();
    private final LoadShedding shedding = new LoadShedding(
            new LoadShedding.Settings(Duration.ofMillis(150), Duration.ofMillis(400), Duration.ofSeconds(5), 5),
            new Replies(messages, new HeaderFactoryImpl()), recordsBacklogged::get);

    LoadSheddingTest() {
        shedding.watch(waitMillis::get);
    }

    private Request parsed(String method, String... extra) throws Exception {
        return messages.createRequest(SipTestClient.request(method, "sip:101@a.example.com", "UDP", 5099, extra));
    }

    /** The shedding samples the queue at most every millisecond. */
    private void queueWaits(long millis) throws InterruptedException {
        waitMillis.set(millis);
        Thread.sleep(2);
    }

    @Test
    void aKeptUpEngineRefusesNothing() throws Exception {
        queueWaits(149);

        assertThat(shedding.refusal(parsed("REGISTER"))).isNull();
        assertThat(shedding.refusal(parsed("INVITE"))).isNull();
    }

    @Test
    void fallingBehindRefusesNewWorkWithoutCredentialsFirst() throws Exception {
        queueWaits(150);

        assertThat(shedding.refusal(parsed("REGISTER"))).isEqualTo("Overloaded");
        assertThat(shedding.refusal(parsed("INVITE"))).isEqualTo("Overloaded");
        assertThat(shedding.refusal(parsed("REGISTER", AUTHORIZATION))).as("a challenged phone comes through").isNull();
        assertThat(shedding.refusal(parsed("INVITE", PROXY_AUTHORIZATION))).isNull();
        assertThat(shedding.refusal(parsed("SUBSCRIBE"))).as("a new subscription").isEqualTo("Overloaded");
        assertThat(shedding.refusal(parsed("SUBSCRIBE", PROXY_AUTHORIZATION))).isNull();
    }

    @Test
    void fallingFurtherBehindRefusesEveryNewRegisterAndCall() throws Exception {
        queueWaits(400);

        assertThat(shedding.refusal(parsed("REGISTER", AUTHORIZATION))).isEqualTo("Overloaded");
        assertThat(shedding.refusal(parsed("INVITE", PROXY_AUTHORIZATION))).isEqualTo("Overloaded");
    }

    @Test
    void whatFinishesWorkAlreadyBegunIsNeverRefused() throws Exception {
        queueWaits(10_000);

        for (String method : new String[] {"BYE", "CANCEL", "ACK", "OPTIONS", "INFO"}) {
            assertThat(shedding.refusal(parsed(method))).as(method).isNull();
        }
        Request reInvite = parsed("INVITE");
        ((javax.sip.header.ToHeader) reInvite.getHeader("To")).setTag("callee-tag");
        assertThat(shedding.refusal(reInvite)).as("an INVITE within a call").isNull();
    }

    @Test
    void callRecordsThatCannotBeWrittenKeepNewCallsOutButNotPhones() throws Exception {
        recordsBacklogged.set(true);

        assertThat(shedding.refusal(parsed("INVITE", PROXY_AUTHORIZATION))).isEqualTo("Call Records Backlogged");
        assertThat(shedding.refusal(parsed("REGISTER", AUTHORIZATION))).isNull();
    }

    @Test
    void aStoppingNodeRefusesAllNewWorkButLetsCallsUpFinish() throws Exception {
        shedding.nodeStopping();

        assertThat(shedding.refusal(parsed("REGISTER", AUTHORIZATION))).isEqualTo("Node Stopping");
        assertThat(shedding.refusal(parsed("INVITE", PROXY_AUTHORIZATION))).isEqualTo("Node Stopping");
        assertThat(shedding.refusal(parsed("SUBSCRIBE", PROXY_AUTHORIZATION))).as("a new subscription")
                .isEqualTo("Node Stopping");
        Request refresh = parsed("SUBSCRIBE", PROXY_AUTHORIZATION);
        ((javax.sip.header.ToHeader) refresh.getHeader("To")).setTag("subscription-tag");
        assertThat(shedding.refusal(refresh)).as("a subscription's refresh").isNull();
        Request reInvite = parsed("INVITE");
        ((javax.sip.header.ToHeader) reInvite.getHeader("To")).setTag("callee-tag");
        assertThat(shedding.refusal(reInvite)).as("an INVITE within a call").isNull();
        assertThat(shedding.refusal(parsed("BYE"))).isNull();
    }
}
