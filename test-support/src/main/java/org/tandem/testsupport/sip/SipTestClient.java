package org.tandem.testsupport.sip;

import org.tandem.testsupport.ports.FreePorts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bare SIP peer over a UDP socket (and one-shot TCP), for tests that need byte-level control. */
public final class SipTestClient implements AutoCloseable {

    private static final Pattern STATUS_LINE = Pattern.compile("SIP/2\\.0 (\\d{3}) .*");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)");

    private final DatagramSocket socket;
    private final int enginePort;

    public SipTestClient(int enginePort) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(FreePorts.LOOPBACK, 0));
        this.enginePort = enginePort;
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** A request from this client, with every mandatory header; {@code extra} lines go before Content-Length. */
    public String request(String method, String requestUri, String... extra) {
        return request(method, requestUri, "UDP", localPort(), extra);
    }

    public static String request(String method, String requestUri, String transport, int localPort, String... extra) {
        StringBuilder sip = new StringBuilder()
                .append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/").append(transport).append(" 127.0.0.1:").append(localPort)
                .append(";branch=z9hG4bK").append(UUID.randomUUID()).append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <sip:test@127.0.0.1>;tag=").append(UUID.randomUUID()).append("\r\n")
                .append("To: <sip:engine@127.0.0.1>\r\n")
                .append("Call-ID: ").append(UUID.randomUUID()).append("@127.0.0.1\r\n")
                .append("CSeq: 1 ").append(method).append("\r\n");
        if (method.equals("INVITE")) {
            sip.append("Contact: <sip:test@127.0.0.1:").append(localPort).append(">\r\n");
        }
        for (String line : extra) {
            sip.append(line).append("\r\n");
        }
        return sip.append("Content-Length: 0\r\n\r\n").toString();
    }

    public String engineUri() {
        return "sip:127.0.0.1:" + enginePort;
    }

    public void send(String message) throws IOException {
        send(message.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, FreePorts.LOOPBACK, enginePort));
    }

    public Optional<String> receive(Duration wait) throws IOException {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout((int) wait.toMillis());
        try {
            socket.receive(packet);
            return Optional.of(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    /** Sends and returns the answer, failing if none comes within 5 s. */
    public String exchange(String message) throws IOException {
        send(message);
        return receive(Duration.ofSeconds(5))
                .orElseThrow(() -> new AssertionError("no answer from the engine to:\n" + message));
    }

    /** Sends over a new TCP connection and returns the first message that comes back. */
    public static String exchangeOverTcp(int enginePort, String message) throws IOException {
        try (Socket tcp = new Socket(FreePorts.LOOPBACK, enginePort)) {
            tcp.setSoTimeout(5_000);
            tcp.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            return readMessage(tcp.getInputStream());
        }
    }

    /** Reads one SIP message from a stream connection (headers, then Content-Length bytes of body). */
    public static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int bodyStart = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + read.toString(StandardCharsets.UTF_8));
            }
            read.write(b);
            String text = read.toString(StandardCharsets.UTF_8);
            if (bodyStart < 0 && text.endsWith("\r\n\r\n")) {
                if (text.isBlank()) { // keep-alive CRLFs (RFC 5626 3.5.1), not a message
                    read.reset();
                    continue;
                }
                bodyStart = text.length();
            }
            if (bodyStart >= 0) {
                Matcher length = CONTENT_LENGTH.matcher(text);
                if (length.find() && text.length() - bodyStart >= Integer.parseInt(length.group(1))) {
                    return text;
                }
            }
        }
    }

    /** The status code of a SIP response, failing on anything else. */
    public static int statusCode(String message) {
        String firstLine = message.lines().findFirst().orElse("");
        Matcher status = STATUS_LINE.matcher(firstLine);
        if (!status.matches()) {
            throw new AssertionError("not a SIP response: " + firstLine);
        }
        return Integer.parseInt(status.group(1));
    }

    /** Every value of header {@code name} (case-insensitive, full name only), in order. */
    public static List<String> headers(String message, String name) {
        return message.lines()
                .takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip())
                .toList();
    }

    @Override
    public void close() {
        socket.close();
    }
}
