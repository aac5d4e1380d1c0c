package org.tandem.engine.cluster;

import org.tandem.testsupport.sip.SipTestClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One TCP connection to a node from a chosen loopback address, as another node (or someone posing as
 * one) would open it to hand over a call: raw bytes out, SIP messages back.
 */
final class HandOverSender implements AutoCloseable {

    private final Socket socket;

    HandOverSender(String localAddress, EngineNode to) throws IOException {
        socket = new Socket(InetAddress.getByName(to.address()), to.port(), InetAddress.getByName(localAddress), 0);
        socket.setSoTimeout(3_000);
    }

    void send(String message) throws IOException {
        socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** The next message from the node, or empty if none comes within {@code wait}. */
    Optional<String> receive(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            return Optional.of(SipTestClient.readMessage(socket.getInputStream()));
        } catch (SocketTimeoutException none) {
            return Optional.empty();
        }
    }

    /** The status line of the first final answer, skipping provisional ones; fails if none comes within 3 s. */
    String finalStatus() throws IOException {
        return finalStatusOr(null);
    }

    /** The first final answer, whole, skipping provisional ones; fails if none comes within 3 s. */
    String finalAnswer() throws IOException {
        while (true) {
            String answer = receive(Duration.ofSeconds(3))
                    .orElseThrow(() -> new AssertionError("no final answer to the hand-over"));
            if (answer.startsWith("SIP/2.0 ") && !answer.startsWith("SIP/2.0 1")) {
                return answer;
            }
        }
    }

    /** The status line of the first final answer within 3 s, or {@code none} (null: fail) when none comes. */
    String finalStatusOr(String none) throws IOException {
        while (true) {
            Optional<String> message = receive(Duration.ofSeconds(3));
            if (message.isEmpty() && none != null) {
                return none;
            }
            String answer = message.orElseThrow(() -> new AssertionError("no final answer to the hand-over"));
            if (answer.startsWith("SIP/2.0 ") && !answer.startsWith("SIP/2.0 1")) {
                return answer.substring(0, answer.indexOf("\r\n"));
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
