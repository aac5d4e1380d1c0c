package org.tandem.engine.sip;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sip.RequestEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Datagrams read into the one buffer reach the listener whole, each at its own length whatever came
 * before it, and answers leave from the listening socket.
 */
class OneBufferUdpProcessorTest {

    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final MessageFactoryImpl messages = new MessageFactoryImpl();
    private BareStack bare;

    @BeforeEach
    void start() throws Exception {
        bare = new BareStack("one-buffer-test", new BareStack.Listener() {
            @Override
            public void processRequest(RequestEvent event) {
                requests.add(event.getRequest());
                try {
                    bare.provider.sendResponse(messages.createResponse(200, event.getRequest()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    @AfterEach
    void stop() {
        bare.close();
    }

    @Test
    void aLargeDatagramThenASmallOneArriveEachWhole() throws Exception {
        String body = "x".repeat(30_000);
        bare.send(message(1, body));
        bare.send(message(2, ""));

        // two worker threads: either may be handled first
        Map<String, Request> byCallId = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Request request = requests.poll(5, TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            byCallId.put(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(), request);
        }
        assertThat(new String(byCallId.get("call-1").getRawContent(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(byCallId.get("call-2").getRawContent()).isNull();
    }

    @Test
    void aDatagramOverTheLargestMessageIsDroppedAndTheNextOneTaken() throws Exception {
        String body = "x".repeat(BareStack.MAX_MESSAGE_BYTES);
        bare.send(message(1, body));
        bare.send(message(2, ""));

        Request request = requests.poll(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId()).isEqualTo("call-2");
        assertThat(requests.poll(500, TimeUnit.MILLISECONDS)).as("the large one, late").isNull();
    }

    @Test
    void answersLeaveFromTheListeningSocket() throws Exception {
        bare.send(message(1, ""));

        DatagramPacket answer = bare.receive();
        assertThat(BareStack.text(answer)).startsWith("SIP/2.0 200 OK");
        assertThat(answer.getPort()).isEqualTo(bare.port);
    }

    @Test
    void aStackWithoutWorkerThreadsIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> OneBufferUdpProcessor.factory(0, TcpLimits.DEFAULT.maxMessageBytes()));
    }

    private String message(int number, String body) {
        return "MESSAGE sip:stack@127.0.0.1:" + bare.port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + bare.peer.getLocalPort() + ";branch=z9hG4bK-" + number + "\r\n"
                + "From: <sip:peer@127.0.0.1>;tag=peer\r\n"
                + "To: <sip:stack@127.0.0.1>\r\n"
                + "Call-ID: call-" + number + "\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + "Max-Forwards: 70\r\n"
                + (body.isEmpty() ? "" : "Content-Type: text/plain\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }
}
