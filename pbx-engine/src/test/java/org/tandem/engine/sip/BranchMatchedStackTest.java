package org.tandem.engine.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sip.ClientTransaction;
import javax.sip.ListeningPoint;
import javax.sip.ResponseEvent;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Responses reach the listener as JAIN-SIP would deliver them: with their client transaction when
 * one has their branch, without one (a stray response) when none has, and not at all when a valve
 * refuses them.
 */
class BranchMatchedStackTest {

    private final BlockingQueue<ResponseEvent> responses = new LinkedBlockingQueue<>();
    private final AtomicInteger refusedByValve = new AtomicInteger();
    private volatile boolean valveRefuses;
    private BareStack bare;
    private SipProvider provider;

    @BeforeEach
    void start() throws Exception {
        bare = new BareStack("branch-matched-test", new BareStack.Listener() {
            @Override
            public void processResponse(ResponseEvent event) {
                responses.add(event);
            }
        }, new RefusingValve());
        provider = bare.provider;
    }

    @AfterEach
    void stop() {
        bare.close();
    }

    @Test
    void aResponseGoesToTheTransactionOfItsBranch() throws Exception {
        ClientTransaction sent = provider.getNewClientTransaction(options());
        sent.sendRequest();

        answer(received(), "200 OK");

        ResponseEvent event = responses.poll(5, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.getResponse().getStatusCode()).isEqualTo(200);
        assertThat(event.getClientTransaction()).isSameAs(sent);
    }

    @Test
    void aResponseNoTransactionHasReachesTheListenerWithoutOne() throws Exception {
        ClientTransaction sent = provider.getNewClientTransaction(options());
        sent.sendRequest();
        String request = received();

        answer(request.replaceFirst(";branch=z9hG4bK[^;\\r\\n]*", ";branch=z9hG4bK-sent-by-nobody"), "200 OK");

        ResponseEvent event = responses.poll(5, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.getResponse().getStatusCode()).isEqualTo(200);
        assertThat(event.getClientTransaction()).isNull();
    }

    @Test
    void aResponseAValveRefusesReachesNobody() throws Exception {
        provider.getNewClientTransaction(options()).sendRequest();
        String request = received();
        valveRefuses = true;

        answer(request.replaceFirst(";branch=z9hG4bK[^;\\r\\n]*", ";branch=z9hG4bK-sent-by-nobody"), "200 OK");

        assertThat(responses.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(refusedByValve).hasValue(1);
    }

    private Request options() throws Exception {
        AddressFactory addresses = javax.sip.SipFactory.getInstance().createAddressFactory();
        HeaderFactory headers = javax.sip.SipFactory.getInstance().createHeaderFactory();
        MessageFactory messages = javax.sip.SipFactory.getInstance().createMessageFactory();
        String peerUri = "sip:peer@127.0.0.1:" + bare.peer.getLocalPort();
        return messages.createRequest(addresses.createURI(peerUri), Request.OPTIONS,
                provider.getNewCallId(), headers.createCSeqHeader(1L, Request.OPTIONS),
                headers.createFromHeader(addresses.createAddress("sip:stack@127.0.0.1"), "from-tag"),
                headers.createToHeader(addresses.createAddress(peerUri), null),
                List.of(headers.createViaHeader("127.0.0.1", bare.port, ListeningPoint.UDP, null)),
                headers.createMaxForwardsHeader(70));
    }

    private String received() throws Exception {
        return BareStack.text(bare.receive());
    }

    /** A response to {@code request} with its Via, From, To, Call-ID and CSeq. */
    private void answer(String request, String status) throws Exception {
        String copied = request.lines()
                .filter(line -> line.matches("(?i)(Via|From|To|Call-ID|CSeq):.*"))
                .map(line -> line.regionMatches(true, 0, "To:", 0, 3) ? line + ";tag=peer-tag" : line)
                .collect(Collectors.joining("\r\n"));
        bare.send("SIP/2.0 " + status + "\r\n" + copied + "\r\nContent-Length: 0\r\n\r\n");
    }

    private final class RefusingValve implements SIPMessageValve {

        @Override
        public boolean processRequest(SIPRequest request, MessageChannel channel) {
            return true;
        }

        @Override
        public boolean processResponse(javax.sip.message.Response response, MessageChannel channel) {
            if (valveRefuses) {
                refusedByValve.incrementAndGet();
                return false;
            }
            return true;
        }

        @Override
        public void init(javax.sip.SipStack stack) {
        }

        @Override
        public void destroy() {
        }
    }
}
