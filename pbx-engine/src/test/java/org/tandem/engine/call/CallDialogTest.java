package org.tandem.engine.call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.engine.registrar.TestPhone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.SipTestClient.headers;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.engine.registrar.RegistrarDatabase.password;

/**
 * A whole call between two hand-written phones on raw UDP sockets, for what SIPp cannot check:
 * the SDP reaches each phone byte for byte as the other wrote it (odd spacing and all), the callee
 * is reached over its registered flow with a new Call-ID, and re-INVITEs for hold and resume go
 * through in both directions within the dialogs, then BYE.
 */
@Timeout(30)
class CallDialogTest {

    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Pattern PARAMETER = Pattern.compile("([a-zA-Z-]+)=(\"([^\"]*)\"|[^,\\s]+)");

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    @Test
    void sdpPassesUnchangedAndHoldAndResumeWorkFromBothSides() throws Exception {
        RegistrarDatabase db = NODE.database();
        String callerNumber = db.newExtension();
        String calleeNumber = db.newExtension();
        try (TestPhone callee = TestPhone.udp(NODE.port(), calleeNumber, ALPHA);
             TestPhone caller = TestPhone.udp(NODE.port(), callerNumber, ALPHA)) {
            assertThat(TestPhone.statusOf(callee.registerWithAuth(callee.register()))).isEqualTo(200);

            String offer = sdp("caller", "sendrecv") + "a=x-odd:  two  spaces,\ttab\r\n";
            String callId = UUID.randomUUID() + "@caller";
            String fromTag = "c" + UUID.randomUUID().toString().substring(0, 8);
            String uri = "sip:" + calleeNumber + "@" + ALPHA;

            // 1. without credentials: 407
            String unauthenticated = invite(caller, callerNumber, uri, callId, fromTag, 1, offer, null);
            String required = caller.exchange(unauthenticated);
            assertThat(TestPhone.statusOf(required)).isEqualTo(407);
            assertThat(caller.receive(Duration.ofMillis(300))).as("nothing after the 407").isEmpty();

            // 2. with credentials: 100 at once, the callee's phone gets the INVITE with the offer unchanged
            String authorization = proxyAuthorization(required, callerNumber, uri);
            caller.send(invite(caller, callerNumber, uri, callId, fromTag, 2, offer, authorization));
            String trying = next(caller);
            assertThat(TestPhone.statusOf(trying)).isEqualTo(100);
            String inviteB = next(callee);
            assertThat(inviteB).startsWith("INVITE " + callee.contactUri() + " SIP/2.0\r\n");
            assertThat(body(inviteB)).isEqualTo(offer);
            assertThat(one(inviteB, "Call-ID")).isNotEqualTo(callId);
            assertThat(one(inviteB, "Route")).contains("127.0.0.1:" + callee.localPort());

            // 3. ringing, then answer with its own odd SDP; the caller gets them in that order, unchanged
            String calleeTag = "b" + UUID.randomUUID().toString().substring(0, 8);
            String answer = sdp("callee", "sendrecv") + "a=x-odd:\tanswer  \r\n";
            callee.send(response(inviteB, "180 Ringing", calleeTag, callee, null));
            callee.send(response(inviteB, "200 OK", calleeTag, callee, answer));
            // The 180 and 200 may be handled by two stack threads: a 180 that lost the race is
            // dropped, never sent after the 200.
            String ok = next(caller);
            if (TestPhone.statusOf(ok) == 180) {
                ok = next(caller);
            }
            assertThat(TestPhone.statusOf(ok)).isEqualTo(200);
            assertThat(body(ok)).isEqualTo(answer);
            String callerDialogTo = one(ok, "To");

            // 4. ACK reaches the callee
            caller.send(inDialog(caller, "ACK", uri, callId, "<sip:" + callerNumber + "@" + ALPHA + ">;tag=" + fromTag,
                    callerDialogTo, 2, null));
            String ackB = next(callee);
            assertThat(ackB).startsWith("ACK ");
            assertThat(one(ackB, "CSeq")).isEqualTo("1 ACK");

            Dialog a = new Dialog(caller, uri, callId, "<sip:" + callerNumber + "@" + ALPHA + ">;tag=" + fromTag,
                    callerDialogTo, 2);
            Dialog b = new Dialog(callee, one(inviteB, "Contact").replaceAll("^<|>$", ""), one(inviteB, "Call-ID"),
                    one(inviteB, "To") + ";tag=" + calleeTag, one(inviteB, "From"), 0);

            // 5. hold and resume, from the caller, then from the callee
            reInvite(a, b, sdp("caller", "sendonly"), sdp("callee", "recvonly"));
            reInvite(a, b, sdp("caller", "sendrecv"), sdp("callee", "sendrecv"));
            reInvite(b, a, sdp("callee", "sendonly"), sdp("caller", "recvonly"));
            reInvite(b, a, sdp("callee", "sendrecv"), sdp("caller", "sendrecv"));

            // 6. the caller hangs up: its BYE is answered, the callee gets one
            hangUp(a, b);
        }
    }

    @Test
    void theAnswerIsSentAgainUntilTheCallerAcksIt() throws Exception {
        RegistrarDatabase db = NODE.database();
        String callerNumber = db.newExtension();
        String calleeNumber = db.newExtension();
        try (TestPhone callee = TestPhone.udp(NODE.port(), calleeNumber, ALPHA);
             TestPhone caller = TestPhone.udp(NODE.port(), callerNumber, ALPHA)) {
            assertThat(TestPhone.statusOf(callee.registerWithAuth(callee.register()))).isEqualTo(200);
            String uri = "sip:" + calleeNumber + "@" + ALPHA;
            String callId = UUID.randomUUID() + "@caller";
            String from = "<sip:" + callerNumber + "@" + ALPHA + ">;tag=c1";
            String required = caller.exchange(invite(caller, callerNumber, uri, callId, "c1", 1, sdp("caller", "sendrecv"), null));
            caller.send(invite(caller, callerNumber, uri, callId, "c1", 2, sdp("caller", "sendrecv"),
                    proxyAuthorization(required, callerNumber, uri)));
            assertThat(TestPhone.statusOf(next(caller))).isEqualTo(100);
            String inviteB = next(callee);
            String answer = sdp("callee", "sendrecv");
            callee.send(response(inviteB, "200 OK", "b1", callee, answer));
            String ok = next(caller);
            assertThat(TestPhone.statusOf(ok)).isEqualTo(200);

            // no ACK yet: the same 200 comes again (T1 = 500 ms), and the callee gets no ACK meanwhile
            String again = caller.receive(Duration.ofMillis(1500)).orElseThrow(() -> new AssertionError("no 2xx again"));
            assertThat(again).isEqualTo(ok);
            assertThat(callee.receive(Duration.ofMillis(100))).isEmpty();

            caller.send(inDialog(caller, "ACK", uri, callId, from, one(ok, "To"), 2, null));
            assertThat(next(callee)).startsWith("ACK ");
            assertThat(caller.receive(Duration.ofMillis(1500))).as("nothing more once ACKed").isEmpty();

            hangUp(new Dialog(caller, uri, callId, from, one(ok, "To"), 2),
                    new Dialog(callee, one(inviteB, "Contact").replaceAll("^<|>$", ""), one(inviteB, "Call-ID"),
                            one(inviteB, "To") + ";tag=b1", one(inviteB, "From"), 0));
        }
    }

    @Test
    void aPhoneBehindNatIsReachedOverTheFlowItRegisteredFromNotAtItsContact() throws Exception {
        RegistrarDatabase db = NODE.database();
        String callerNumber = db.newExtension();
        String calleeNumber = db.newExtension();
        try (TestPhone callee = TestPhone.udp(NODE.port(), calleeNumber, ALPHA);
             TestPhone caller = TestPhone.udp(NODE.port(), callerNumber, ALPHA)) {
            // the phone believes it is 192.0.2.10:5060, an address nobody can reach
            String unreachable = "sip:" + calleeNumber + "@192.0.2.10:5060";
            assertThat(TestPhone.statusOf(callee.registerWithAuth(callee.register().behindNat("192.0.2.10:5060")
                    .contacts("<" + unreachable + ">")))).isEqualTo(200);
            String uri = "sip:" + calleeNumber + "@" + ALPHA;
            String callId = UUID.randomUUID() + "@caller";
            String required = caller.exchange(invite(caller, callerNumber, uri, callId, "c1", 1, sdp("caller", "sendrecv"), null));
            caller.send(invite(caller, callerNumber, uri, callId, "c1", 2, sdp("caller", "sendrecv"),
                    proxyAuthorization(required, callerNumber, uri)));

            String inviteB = next(callee);
            assertThat(inviteB).startsWith("INVITE " + unreachable + " SIP/2.0\r\n");
            assertThat(one(inviteB, "Route")).contains("127.0.0.1:" + callee.localPort()).contains("lr");
            callee.send(response(inviteB, "486 Busy Here", "b1", callee, null));

            String busy = next(caller);
            while (TestPhone.statusOf(busy) < 200) {
                busy = next(caller);
            }
            assertThat(TestPhone.statusOf(busy)).isEqualTo(486);
        }
    }

    @Test
    void ringingAndEarlyMediaNeverReachTheCallerAfterTheAnswer() throws Exception {
        RegistrarDatabase db = NODE.database();
        String callerNumber = db.newExtension();
        String calleeNumber = db.newExtension();
        try (TestPhone callee = TestPhone.udp(NODE.port(), calleeNumber, ALPHA);
             TestPhone caller = TestPhone.udp(NODE.port(), callerNumber, ALPHA)) {
            assertThat(TestPhone.statusOf(callee.registerWithAuth(callee.register()))).isEqualTo(200);
            String uri = "sip:" + calleeNumber + "@" + ALPHA;
            String earlyMedia = sdp("callee", "sendonly") + "a=x-early:\tringback \r\n";
            for (int round = 0; round < 10; round++) {
                String callId = UUID.randomUUID() + "@caller";
                String from = "<sip:" + callerNumber + "@" + ALPHA + ">;tag=c" + round;
                String required = caller.exchange(invite(caller, callerNumber, uri, callId, "c" + round, 1,
                        sdp("caller", "sendrecv"), null));
                caller.send(invite(caller, callerNumber, uri, callId, "c" + round, 2, sdp("caller", "sendrecv"),
                        proxyAuthorization(required, callerNumber, uri)));
                String inviteB = next(callee);
                // all three at once: the engine's threads race for them
                callee.send(response(inviteB, "180 Ringing", "b" + round, callee, null));
                callee.send(response(inviteB, "183 Session Progress", "b" + round, callee, earlyMedia));
                callee.send(response(inviteB, "200 OK", "b" + round, callee, sdp("callee", "sendrecv")));

                java.util.List<Integer> heard = new java.util.ArrayList<>();
                String message;
                do {
                    message = next(caller);
                    heard.add(TestPhone.statusOf(message));
                    if (TestPhone.statusOf(message) == 183) {
                        assertThat(body(message)).isEqualTo(earlyMedia);
                    }
                } while (TestPhone.statusOf(message) < 200);
                // Provisional answers are unordered in SIP (two stack threads may swap 180 and 183,
                // as UDP may); what must hold is that nothing provisional follows the 200.
                assertThat(heard).as("round " + round).startsWith(100).endsWith(200).doesNotHaveDuplicates()
                        .isSubsetOf(100, 180, 183, 200);
                String ok = message;
                caller.send(inDialog(caller, "ACK", uri, callId, from, one(ok, "To"), 2, null));
                assertThat(next(callee)).startsWith("ACK ");
                hangUp(new Dialog(caller, uri, callId, from, one(ok, "To"), 2),
                        new Dialog(callee, one(inviteB, "Contact").replaceAll("^<|>$", ""), one(inviteB, "Call-ID"),
                                one(inviteB, "To") + ";tag=b" + round, one(inviteB, "From"), 0));
                assertThat(caller.receive(Duration.ofMillis(50))).as("nothing after the call, round " + round).isEmpty();
            }
        }
    }

    private static void hangUp(Dialog a, Dialog b) throws Exception {
        a.phone.send(inDialog(a.phone, "BYE", a.target, a.callId, a.from, a.to, ++a.cseq, null));
        assertThat(TestPhone.statusOf(next(a.phone))).isEqualTo(200);
        String byeB = next(b.phone);
        assertThat(byeB).startsWith("BYE ");
        assertThat(one(byeB, "Call-ID")).isEqualTo(b.callId);
        b.phone.send(response(byeB, "200 OK", null, b.phone, null));
    }

    /** A dialog as one phone sees it. */
    private static final class Dialog {
        final TestPhone phone;
        final String target;
        final String callId;
        final String from;
        final String to;
        long cseq;

        Dialog(TestPhone phone, String target, String callId, String from, String to, long cseq) {
            this.phone = phone;
            this.target = target;
            this.callId = callId;
            this.from = from;
            this.to = to;
            this.cseq = cseq;
        }
    }

    /** {@code from} sends a re-INVITE with {@code offer}; the other side answers {@code answer}; ACK. */
    private static void reInvite(Dialog from, Dialog to, String offer, String answer) throws Exception {
        from.phone.send(inDialog(from.phone, "INVITE", from.target, from.callId, from.from, from.to, ++from.cseq, offer));
        String relayed = next(to.phone);
        assertThat(relayed).startsWith("INVITE ");
        assertThat(one(relayed, "Call-ID")).isEqualTo(to.callId);
        assertThat(body(relayed)).isEqualTo(offer);
        to.phone.send(response(relayed, "200 OK", null, to.phone, answer));
        String ok = next(from.phone);
        assertThat(TestPhone.statusOf(ok)).isEqualTo(200);
        assertThat(one(ok, "CSeq")).isEqualTo(from.cseq + " INVITE");
        assertThat(body(ok)).isEqualTo(answer);
        from.phone.send(inDialog(from.phone, "ACK", from.target, from.callId, from.from, from.to, from.cseq, null));
        String ack = next(to.phone);
        assertThat(ack).startsWith("ACK ");
        assertThat(one(ack, "CSeq")).isEqualTo(one(relayed, "CSeq").replace("INVITE", "ACK"));
    }

    static String sdp(String who, String direction) {
        return "v=0\r\no=" + who + " 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=" + direction + "\r\n";
    }

    static String invite(TestPhone phone, String user, String uri, String callId, String fromTag, long cseq,
                                 String sdp, String authorization) {
        return "INVITE " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.localPort() + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + ALPHA + ">;tag=" + fromTag + "\r\n"
                + "To: <" + uri + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + phone.localPort() + ">\r\n"
                + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n")
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + sdp;
    }

    private static String inDialog(TestPhone phone, String method, String target, String callId, String from, String to,
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

    private static String response(String request, String status, String toTag, TestPhone phone, String sdp) {
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

    private static String proxyAuthorization(String challengeResponse, String user, String uri) throws Exception {
        return proxyAuthorization(challengeResponse, "MD5", user, password(user, ALPHA), uri, 1);
    }

    /** A Proxy-Authorization answering the {@code algorithm} challenge of a 407, with nonce count {@code nc}. */
    static String proxyAuthorization(String challengeResponse, String algorithm, String user, String secret, String uri,
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

    private static String parameter(String challenge, String name) {
        Matcher m = PARAMETER.matcher(challenge);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(3) != null ? m.group(3) : m.group(2);
            }
        }
        throw new AssertionError("no " + name + " in " + challenge);
    }

    private static String hash(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String next(TestPhone phone) throws Exception {
        return phone.receive(WAIT).orElseThrow(() -> new AssertionError("no message came"));
    }

    private static String one(String message, String header) {
        List<String> values = headers(message, header);
        assertThat(values).as(header + " of\n" + message).isNotEmpty();
        return values.getFirst();
    }

    private static String body(String message) {
        return message.substring(message.indexOf("\r\n\r\n") + 4);
    }
}
