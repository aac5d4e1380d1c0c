package org.tandem.engine.call;

import org.tandem.testsupport.sip.TestPhone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.sip.SipTestClient.headers;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;

/**
 * Call messages written by hand, as a phone on a raw socket would send them, for tests that check
 * what SIPp cannot: every header and body byte, and the order of what arrives.
 */
public final class CallMessages {

    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Pattern PARAMETER = Pattern.compile("([a-zA-Z-]+)=(\"([^\"]*)\"|[^,\\s]+)");

    private CallMessages() {
    }

    public static String sdp(String who, String direction) {
        return "v=0\r\no=" + who + " 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=" + direction + "\r\n";
    }

    public static String invite(TestPhone phone, String user, String uri, String callId, String fromTag, long cseq,
                                 String sdp, String authorization) {
        return "INVITE " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.localPort() + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + domainOf(uri) + ">;tag=" + fromTag + "\r\n"
                + "To: <" + uri + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + phone.localPort() + ">\r\n"
                + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n")
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + sdp;
    }

    public static String inDialog(TestPhone phone, String method, String target, String callId, String from, String to,
                                   long cseq, String sdp) {
        return method + " " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.localPort() + ";branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:127.0.0.1:" + phone.localPort() + ">\r\n"
                + (sdp == null ? "Content-Length: 0\r\n\r\n"
                : "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
    }

    /** The ACK a phone sends for a non-2xx final answer to its INVITE: same Via branch, the answer's To tag. */
    public static String ackOf(String invite, String finalResponse) {
        String requestLine = invite.substring(0, invite.indexOf("\r\n"));
        return "ACK " + requestLine.split(" ")[1] + " SIP/2.0\r\n"
                + "Via: " + one(invite, "Via") + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + one(invite, "From") + "\r\n"
                + "To: " + one(finalResponse, "To") + "\r\n"
                + "Call-ID: " + one(invite, "Call-ID") + "\r\n"
                + "CSeq: " + one(invite, "CSeq").split(" ")[0] + " ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    public static String response(String request, String status, String toTag, TestPhone phone, String sdp) {
        StringBuilder out = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String via : headers(request, "Via")) {
            out.append("Via: ").append(via).append("\r\n");
        }
        out.append("From: ").append(one(request, "From")).append("\r\n")
                .append("To: ").append(one(request, "To")).append(toTag == null ? "" : ";tag=" + toTag).append("\r\n")
                .append("Call-ID: ").append(one(request, "Call-ID")).append("\r\n")
                .append("CSeq: ").append(one(request, "CSeq")).append("\r\n")
                .append("Contact: <sip:127.0.0.1:").append(phone.localPort()).append(">\r\n");
        if (sdp == null) {
            return out.append("Content-Length: 0\r\n\r\n").toString();
        }
        return out.append("Content-Type: application/sdp\r\nContent-Length: ").append(sdp.length())
                .append("\r\n\r\n").append(sdp).toString();
    }

    public static String proxyAuthorization(String challengeResponse, String user, String uri) throws Exception {
        return proxyAuthorization(challengeResponse, "MD5", user, defaultPassword(user, domainOf(uri)), uri, 1);
    }

    /** A Proxy-Authorization answering the {@code algorithm} challenge of a 407, with nonce count {@code nc}. */
    public static String proxyAuthorization(String challengeResponse, String algorithm, String user, String secret, String uri,
                                     int nc) throws Exception {
        String challenge = headers(challengeResponse, "Proxy-Authenticate").stream()
                .filter(value -> value.contains("algorithm=" + algorithm)).findFirst().orElseThrow();
        String realm = parameter(challenge, "realm");
        String nonce = parameter(challenge, "nonce");
        String ha1 = hash(algorithm, user + ":" + realm + ":" + secret);
        String ha2 = hash(algorithm, "INVITE:" + uri);
        String cnonce = "0a4f113b";
        String count = String.format("%08x", nc);
        String response = hash(algorithm, ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + algorithm + ", qop=auth, nc=" + count
                + ", cnonce=\"" + cnonce + "\"";
    }

    public static String parameter(String challenge, String name) {
        Matcher m = PARAMETER.matcher(challenge);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(3) != null ? m.group(3) : m.group(2);
            }
        }
        throw new AssertionError("no " + name + " in " + challenge);
    }

    public static String hash(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The tenant domain of {@code sip:number@domain}. */
    public static String domainOf(String uri) {
        return uri.substring(uri.indexOf('@') + 1);
    }

    public static String next(TestPhone phone) throws Exception {
        return phone.receive(WAIT).orElseThrow(() -> new AssertionError("no message came"));
    }

    public static String one(String message, String header) {
        List<String> values = headers(message, header);
        assertThat(values).as(header + " of\n" + message).isNotEmpty();
        return values.getFirst();
    }

    public static String body(String message) {
        return message.substring(message.indexOf("\r\n\r\n") + 4);
    }

    /** {@code user} calls {@code uri} (authenticating), ACKs the final answer and returns its status line. */
    public static String statusLineOfCall(TestPhone phone, String user, String uri) throws Exception {
        String authenticated = sendAuthenticatedInvite(phone, user, uri, UUID.randomUUID() + "@" + user, "t1",
                sdp(user, "sendrecv"), "");
        String answer = finalAnswer(phone);
        phone.send(ackOf(authenticated, answer));
        return answer.substring(0, answer.indexOf("\r\n"));
    }

    /**
     * Starts a call as a phone does: the INVITE without credentials, the ACK of its 407, then the INVITE
     * again (CSeq 2) with credentials and {@code headers} (each ending in CRLF). Returns that last INVITE,
     * whose answers are still to come.
     */
    public static String sendAuthenticatedInvite(TestPhone phone, String user, String uri, String callId, String fromTag,
                                                 String offer, String headers) throws Exception {
        String unauthenticated = invite(phone, user, uri, callId, fromTag, 1, offer, null);
        String required = phone.exchange(unauthenticated);
        phone.send(ackOf(unauthenticated, required));
        String authenticated = withHeaders(invite(phone, user, uri, callId, fromTag, 2, offer,
                proxyAuthorization(required, user, uri)), headers);
        phone.send(authenticated);
        return authenticated;
    }

    /** The same with the caller's usual offer and no more headers. */
    public static String sendAuthenticatedInvite(TestPhone phone, String user, String uri, String callId, String fromTag)
            throws Exception {
        return sendAuthenticatedInvite(phone, user, uri, callId, fromTag, sdp("caller", "sendrecv"), "");
    }

    /** {@code message} with {@code headers} (each ending in CRLF) right after its first line. */
    public static String withHeaders(String message, String headers) {
        int end = message.indexOf("\r\n") + 2;
        return message.substring(0, end) + headers + message.substring(end);
    }

    public static String finalAnswer(TestPhone phone) throws Exception {
        String message = next(phone);
        while (TestPhone.statusOf(message) < 200) {
            message = next(phone);
        }
        return message;
    }
}
