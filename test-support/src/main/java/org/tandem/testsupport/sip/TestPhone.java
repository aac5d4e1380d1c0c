package org.tandem.testsupport.sip;

import org.tandem.testsupport.database.ExtensionRow;
import org.tandem.testsupport.ports.FreePorts;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP phone for registrar tests, over UDP or one TCP connection, from any loopback address. It
 * writes REGISTERs by hand and answers digest challenges with its own MD5 and SHA-256 code (RFC 2617,
 * RFC 7616), independent of the engine's, so a mistake on either side shows.
 */
public final class TestPhone implements AutoCloseable {

    private static final Pattern PARAMETER = Pattern.compile("([a-zA-Z-]+)=(\"([^\"]*)\"|[^,\\s]+)");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final String transport;
    private final String localAddress;
    private final InetAddress engine;
    private Duration answerWithin = WAIT;
    private final int enginePort;
    private final DatagramSocket udp;
    private final Socket tcp;
    private final String user;
    private final String domain;
    private String password;
    private String algorithm = "MD5";
    private final String callId = UUID.randomUUID() + "@test-phone";
    private long cseq = 0;
    private Map<String, String> lastChallenge;
    private int nonceCount;

    private TestPhone(String transport, String localAddress, InetAddress engine, int enginePort, String user,
                      String domain) throws IOException {
        this.engine = engine;
        this.transport = transport;
        this.localAddress = localAddress;
        this.enginePort = enginePort;
        this.user = user;
        this.domain = domain;
        this.password = ExtensionRow.defaultPassword(user, domain);
        InetAddress local = InetAddress.getByName(localAddress);
        if (transport.equals("UDP")) {
            udp = new DatagramSocket(new InetSocketAddress(local, 0));
            tcp = null;
        } else {
            udp = null;
            tcp = new Socket(engine, enginePort, local, 0);
            tcp.setSoTimeout((int) WAIT.toMillis());
        }
    }

    /** Extension {@code user} of {@code domain} over UDP from 127.0.0.1, with its right password. */
    public static TestPhone udp(int enginePort, String user, String domain) throws IOException {
        return new TestPhone("UDP", "127.0.0.1", FreePorts.LOOPBACK, enginePort, user, domain);
    }

    public static TestPhone tcp(int enginePort, String user, String domain) throws IOException {
        return new TestPhone("TCP", "127.0.0.1", FreePorts.LOOPBACK, enginePort, user, domain);
    }

    /** Over {@code transport} ("UDP" or "TCP") from 127.0.0.1 to an engine on another loopback address. */
    public static TestPhone to(String transport, String engineAddress, int enginePort, String user, String domain)
            throws IOException {
        return new TestPhone(transport, "127.0.0.1", InetAddress.getByName(engineAddress), enginePort, user, domain);
    }

    /** Over UDP from another loopback address, e.g. 127.0.0.3. */
    public static TestPhone udpFrom(String localAddress, int enginePort, String user, String domain) throws IOException {
        return new TestPhone("UDP", localAddress, FreePorts.LOOPBACK, enginePort, user, domain);
    }

    public TestPhone password(String newPassword) {
        this.password = newPassword;
        return this;
    }

    /** Which challenge to answer: "MD5" or "SHA-256". */
    public TestPhone algorithm(String name) {
        this.algorithm = name;
        return this;
    }

    /** How long {@link #exchange} waits for the engine's answer before it fails. */
    public TestPhone answerWithin(Duration wait) {
        this.answerWithin = wait;
        return this;
    }

    /** The address of the engine this phone talks to. */
    public String engineAddress() {
        return engine.getHostAddress();
    }

    /** "UDP" or "TCP". */
    public String transport() {
        return transport;
    }

    public int localPort() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    public String localAddress() {
        return localAddress;
    }

    /** This phone's own contact URI. */
    public String contactUri() {
        return "sip:" + user + "@" + localAddress + ":" + localPort() + ";transport=" + transport.toLowerCase();
    }

    public String callId() {
        return callId;
    }

    /** A REGISTER of this phone for its own address, binding its own contact; change what a test needs. */
    public Register register() {
        return new Register();
    }

    /** Sends {@code request} (a new transaction, next CSeq) and returns the final response. */
    public String send(Register request) throws IOException {
        return exchange(request.render(++cseq, "z9hG4bK" + UUID.randomUUID()));
    }

    /** Sends a REGISTER, answers a 401 with credentials for the challenge of this phone's algorithm, returns the final answer. */
    public String registerWithAuth(Register request) throws IOException {
        String first = send(request);
        if (statusOf(first) != 401) {
            return first;
        }
        lastChallenge = challenge(first, algorithm).orElseThrow(() -> new AssertionError("no " + algorithm + " challenge in " + first));
        nonceCount = 0;
        return send(request.authorization(answer(lastChallenge, request, ++nonceCount)));
    }

    /** Sends a new REGISTER answering the last challenge again with {@code count} as nonce count. */
    public String reuseNonce(Register request, int count) throws IOException {
        return send(request.authorization(answer(lastChallenge, request, count)));
    }

    /** The rendered message for a given CSeq and branch, to resend byte for byte (a retransmission). */
    public String render(Register request, long seq, String branch) {
        return request.render(seq, branch);
    }

    public long nextCseq() {
        return ++cseq;
    }

    public String lastNonce() {
        return lastChallenge.get("nonce");
    }

    public String exchange(String message) throws IOException {
        send(message);
        while (true) {
            String response = receive(answerWithin).orElseThrow(() -> new AssertionError("no answer from the engine to:\n" + message));
            if (statusOf(response) >= 200) {
                return response;
            }
        }
    }

    public void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, engine, enginePort));
        } else {
            tcp.getOutputStream().write(bytes);
            tcp.getOutputStream().flush();
        }
    }

    public Optional<String> receive(Duration wait) throws IOException {
        try {
            if (udp != null) {
                byte[] buffer = new byte[65_535];
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.setSoTimeout((int) wait.toMillis());
                udp.receive(packet);
                return Optional.of(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            }
            tcp.setSoTimeout((int) wait.toMillis());
            return Optional.of(SipTestClient.readMessage(tcp.getInputStream()));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    public static int statusOf(String response) {
        return Integer.parseInt(response.substring("SIP/2.0 ".length(), "SIP/2.0 ".length() + 3));
    }

    /** The parameters of the first challenge in {@code response} for {@code algorithm}. */
    public static Optional<Map<String, String>> challenge(String response, String algorithm) {
        return challenges(response).stream().filter(c -> algorithm.equalsIgnoreCase(c.get("algorithm"))).findFirst();
    }

    /** Every WWW-Authenticate challenge of {@code response}, in order, as parameter maps. */
    public static List<Map<String, String>> challenges(String response) {
        List<Map<String, String>> challenges = new ArrayList<>();
        for (String value : SipTestClient.headers(response, "WWW-Authenticate")) {
            Map<String, String> parameters = new HashMap<>();
            parameters.put("scheme", value.substring(0, value.indexOf(' ')));
            Matcher m = PARAMETER.matcher(value.substring(value.indexOf(' ') + 1));
            while (m.find()) {
                parameters.put(m.group(1).toLowerCase(), m.group(3) != null ? m.group(3) : m.group(2));
            }
            challenges.add(parameters);
        }
        return challenges;
    }

    /** The Authorization header value answering {@code challenge} for {@code request} with this phone's secret. */
    public String answer(Map<String, String> challenge, Register request, int count) {
        String realm = request.digestRealm != null ? request.digestRealm : challenge.get("realm");
        String username = request.digestUser != null ? request.digestUser : user;
        String uri = request.digestUri != null ? request.digestUri : request.requestUri;
        String nc = String.format("%08x", count);
        String cnonce = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String hash = challenge.get("algorithm");
        String ha1 = hex(hash, username + ":" + realm + ":" + password);
        String ha2 = hex(hash, "REGISTER:" + uri);
        String response = hex(hash, ha1 + ":" + challenge.get("nonce") + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + challenge.get("nonce")
                + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=" + hash
                + ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"";
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        } else {
            tcp.close();
        }
    }

    /** A REGISTER being written; every setter returns a copy, so a base request can be reused. */
    public final class Register {
        String requestUri = "sip:" + domain;
        String to = "sip:" + user + "@" + domain;
        List<String> contacts = List.of("<" + contactUri() + ">");
        String expires;
        List<String> extra = List.of("User-Agent: TestPhone/1.0");
        String callIdValue = callId;
        Long fixedCseq;
        String authorization;
        String digestUser;
        String digestRealm;
        String digestUri;
        String viaSentBy;

        /** A copy with {@code change} made: a Register is never changed once built. */
        private Register with(Consumer<Register> change) {
            Register copy = copy();
            change.accept(copy);
            return copy;
        }

        private Register copy() {
            Register copy = new Register();
            copy.requestUri = requestUri;
            copy.to = to;
            copy.contacts = contacts;
            copy.expires = expires;
            copy.extra = extra;
            copy.callIdValue = callIdValue;
            copy.fixedCseq = fixedCseq;
            copy.authorization = authorization;
            copy.digestUser = digestUser;
            copy.digestRealm = digestRealm;
            copy.digestUri = digestUri;
            copy.viaSentBy = viaSentBy;
            return copy;
        }

        /** Claims another address in Via, as a phone behind NAT does; rport asks for the answer at the real source. */
        public Register behindNat(String claimedHostPort) {
            return with(copy -> copy.viaSentBy = claimedHostPort + ";rport");
        }

        /** Contact header values, e.g. {@code <sip:a@127.0.0.1:5070>;expires=60}, or {@code *}; none for a query. */
        public Register contacts(String... values) {
            return with(copy -> copy.contacts = List.of(values));
        }

        public Register expires(long seconds) {
            return with(copy -> copy.expires = Long.toString(seconds));
        }

        public Register requestUri(String uri) {
            return with(copy -> copy.requestUri = uri);
        }

        public Register to(String uri) {
            return with(copy -> copy.to = uri);
        }

        public Register callId(String value) {
            return with(copy -> copy.callIdValue = value);
        }

        public Register cseq(long value) {
            return with(copy -> copy.fixedCseq = value);
        }

        public Register header(String line) {
            Register copy = copy();
            List<String> lines = new ArrayList<>(extra);
            lines.add(line);
            copy.extra = List.copyOf(lines);
            return copy;
        }

        /** Answer challenges as this digest user name instead of the phone's own. */
        public Register digestUser(String name) {
            return with(copy -> copy.digestUser = name);
        }

        public Register digestRealm(String realm) {
            return with(copy -> copy.digestRealm = realm);
        }

        public Register digestUri(String uri) {
            return with(copy -> copy.digestUri = uri);
        }

        /** A raw Authorization header value. */
        public Register authorization(String value) {
            return with(copy -> copy.authorization = value);
        }

        String render(long seq, String branch) {
            StringBuilder sip = new StringBuilder()
                    .append("REGISTER ").append(requestUri).append(" SIP/2.0\r\n")
                    .append("Via: SIP/2.0/").append(transport).append(' ')
                    .append(viaSentBy != null ? viaSentBy : localAddress + ":" + localPort())
                    .append(";branch=").append(branch).append("\r\n")
                    .append("Max-Forwards: 70\r\n")
                    .append("From: <sip:").append(user).append('@').append(domain).append(">;tag=").append(callIdValue.hashCode()).append("\r\n")
                    .append("To: <").append(to).append(">\r\n")
                    .append("Call-ID: ").append(callIdValue).append("\r\n")
                    .append("CSeq: ").append(fixedCseq != null ? fixedCseq : seq).append(" REGISTER\r\n");
            for (String contact : contacts) {
                sip.append("Contact: ").append(contact).append("\r\n");
            }
            if (expires != null) {
                sip.append("Expires: ").append(expires).append("\r\n");
            }
            if (authorization != null) {
                sip.append("Authorization: ").append(authorization).append("\r\n");
            }
            for (String line : extra) {
                sip.append(line).append("\r\n");
            }
            return sip.append("Content-Length: 0\r\n\r\n").toString();
        }
    }
}
