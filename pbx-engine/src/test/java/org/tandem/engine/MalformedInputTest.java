package org.tandem.engine;

import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sip.SipTestClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.sip.SipTestClient.headers;
import static org.tandem.testsupport.sip.SipTestClient.statusCode;

/**
 * Garbage and broken requests must not kill the stack's reading threads; the proof is that a valid
 * OPTIONS is still answered afterwards, over the same socket.
 */
class MalformedInputTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    @Test
    void garbageDatagramsAreDroppedAndTheEngineStillAnswers(SipTestClient client) throws Exception {
        byte[] noise = new byte[1_400];
        new Random(3261).nextBytes(noise);
        byte[] zeros = new byte[512];
        byte[] huge = new byte[65_000];
        Arrays.fill(huge, (byte) 'A');
        List<byte[]> garbage = List.of(
                noise, zeros, huge,
                bytes("hello\r\n"),
                bytes("\r\n\r\n"),
                bytes("OPTIONS\r\n\r\n"),
                bytes("OPTIONS sip:127.0.0.1 SIP/2.0\r\n"),
                bytes("INVITE sip:x@y SIP/2.0\r\nVia SIP/2.0/UDP nowhere\r\n\r\n"),
                bytes("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"),
                bytes("\u00ff\u00fe" + "OPTIONS sip:\u00e9\u00e8 SIP/9.9\r\n\r\n"));
        for (byte[] datagram : garbage) {
            client.send(datagram);
        }
        // A stray but well-formed response (no transaction of ours) is dropped too.
        client.send(client.request("OPTIONS", client.engineUri())
                .replaceFirst("^OPTIONS \\S+ SIP/2.0", "SIP/2.0 200 OK"));

        assertThat(client.receive(Duration.ofMillis(300))).as("garbage gets no answer").isEmpty();
        assertStillAnswers(client);
    }

    @Test
    void aRequestWithoutCallIdIsDroppedWithoutHarm(SipTestClient client) throws Exception {
        // Without Call-ID the stack cannot build a 400 that matches the request, so it drops it.
        client.send(client.request("OPTIONS", client.engineUri()).replaceFirst("(?m)^Call-ID: .*\r\n", ""));
        client.send(client.request("OPTIONS", client.engineUri()).replaceFirst("(?m)^Via: .*\r\n", ""));
        assertThat(client.receive(Duration.ofMillis(300))).isEmpty();
        assertStillAnswers(client);
    }

    /** An OPTIONS broken one way, named by what is wrong with it, and the status the stack refuses it with. */
    static Stream<Arguments> brokenOptions() {
        return Stream.of(
                Arguments.of("without Max-Forwards", 400,
                        (UnaryOperator<String>) request -> request.replaceFirst("(?m)^Max-Forwards: .*\r\n", "")),
                Arguments.of("in another SIP version", 505,
                        (UnaryOperator<String>) request -> request.replaceFirst(" SIP/2.0\r\n", " SIP/7.0\r\n")
                                .replace("Via: SIP/2.0/", "Via: SIP/7.0/")),
                Arguments.of("with a CSeq method other than the request line's", 400,
                        (UnaryOperator<String>) request -> request.replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE")));
    }

    @ParameterizedTest(name = "an OPTIONS {0} gets {1}")
    @MethodSource("brokenOptions")
    void aBrokenRequestGetsItsErrorStatus(String broken, int status, UnaryOperator<String> breaking,
                                          SipTestClient client) throws Exception {
        String response = client.exchange(breaking.apply(client.request("OPTIONS", client.engineUri())));
        assertThat(statusCode(response)).as(broken).isEqualTo(status);
        assertStillAnswers(client);
    }

    @Test
    void aHeaderThatDoesNotParseGets400FromTheStack(SipTestClient client) throws Exception {
        String response = client.exchange(
                client.request("OPTIONS", client.engineUri()).replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS"));
        assertThat(statusCode(response)).isEqualTo(400);
        assertThat(headers(response, "Server")).containsExactly("Tandem");
        assertStillAnswers(client);
    }

    @Test
    void garbageOverTcpDoesNotStopTheTcpListener(SipTestClient client) throws Exception {
        try (Socket tcp = new Socket(FreePorts.LOOPBACK, ENGINE.port())) {
            OutputStream out = tcp.getOutputStream();
            out.write(bytes("this is not SIP\r\n\r\n"));
            out.write(bytes("OPTIONS sip:127.0.0.1 SIP/2.0\r\nContent-Length: banana\r\n\r\n"));
            out.flush();
        }
        String response = SipTestClient.exchangeOverTcp(ENGINE.port(),
                SipTestClient.request("OPTIONS", client.engineUri(), "TCP", ENGINE.port()));
        assertThat(statusCode(response)).isEqualTo(200);
    }

    private static void assertStillAnswers(SipTestClient client) throws Exception {
        String response = client.exchange(client.request("OPTIONS", client.engineUri()));
        assertThat(statusCode(response)).isEqualTo(200);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
