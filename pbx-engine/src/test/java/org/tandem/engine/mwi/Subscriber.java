package org.tandem.engine.mwi;

import org.tandem.testsupport.sip.TestPhone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.tandem.engine.call.CallMessages.parameter;
import static org.tandem.testsupport.sip.SipTestClient.headers;

/**
 * A phone's side of message-summary, written by hand over a {@link TestPhone}'s socket: SUBSCRIBEs in
 * one dialog (its Call-ID, its From tag, the node's To tag once answered), answered 407s, and the NOTIFYs
 * the node sends, each answered 200.
 */
public final class Subscriber {

    private final TestPhone phone;
    private final String user;
    private final String domain;
    private final String password;
    private final String callId = UUID.randomUUID() + "@subscriber";
    private final String fromTag = Long.toHexString(UUID.randomUUID().getLeastSignificantBits());
    private String toTag;
    private long cseq;
    private int nonceCount;

    public Subscriber(TestPhone phone, String user, String domain, String password) {
        this.phone = phone;
        this.user = user;
        this.domain = domain;
        this.password = password;
    }

    /** A SUBSCRIBE for {@code mailboxUser}'s lamp ({@code event} package), authenticated if challenged; the final answer. */
    public String subscribe(String mailboxUser, String event, Integer expires) throws IOException {
        String uri = "sip:" + mailboxUser + "@" + domain;
        String first = phone.exchange(render(uri, event, expires, null));
        if (TestPhone.statusOf(first) != 407) {
            return remember(first);
        }
        String challenge = headers(first, "Proxy-Authenticate").getFirst();
        return remember(phone.exchange(render(uri, event, expires, authorization(challenge, uri))));
    }

    /** The first answer to an unauthenticated SUBSCRIBE. */
    public String subscribeUnauthenticated(String mailboxUser) throws IOException {
        return phone.exchange(render("sip:" + mailboxUser + "@" + domain, "message-summary", 3600, null));
    }

    private String remember(String answer) {
        if (TestPhone.statusOf(answer) == 200 && toTag == null) {
            Matcher tag = Pattern.compile("(?im)^To:.*;tag=([^;\\s]+)").matcher(answer);
            if (tag.find()) {
                toTag = tag.group(1);
            }
        }
        return answer;
    }

    /** The next NOTIFY the node sends this phone, answered 200; fails after {@code wait}. */
    public String awaitNotify(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            String message = phone.receive(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()))).orElse("");
            if (message.startsWith("NOTIFY ")) {
                phone.send(ok(message));
                return message;
            }
        }
        throw new AssertionError("no NOTIFY within " + wait);
    }

    /**
     * The next NOTIFY that contains {@code text} (a header line or body line), answering the others: a
     * change made before the subscription, or a gap in the node's feed, may tell again counts already told.
     */
    public String awaitNotifyContaining(String text, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String notify = awaitNotify(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (notify.contains(text)) {
                return notify;
            }
        }
    }

    /** The body of a message (after the blank line). */
    public static String body(String message) {
        return message.substring(message.indexOf("\r\n\r\n") + 4);
    }

    private String render(String uri, String event, Integer expires, String authorization) {
        return "SUBSCRIBE " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + phone.transport() + " " + phone.localAddress() + ":" + phone.localPort()
                + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=" + fromTag + "\r\n"
                + "To: <" + uri + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + (++cseq) + " SUBSCRIBE\r\n"
                + "Contact: <" + phone.contactUri() + ">\r\n"
                + "Event: " + event + "\r\n"
                + "Accept: application/simple-message-summary\r\n"
                + (expires == null ? "" : "Expires: " + expires + "\r\n")
                + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    private String authorization(String challenge, String uri) {
        String realm = parameter(challenge, "realm");
        String nonce = parameter(challenge, "nonce");
        String nc = String.format("%08x", ++nonceCount);
        String cnonce = "5ub5cr1b";
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5("SUBSCRIBE:" + uri);
        String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"";
    }

    private static String ok(String request) {
        StringBuilder out = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String name : new String[] {"Via", "From", "To", "Call-ID", "CSeq"}) {
            for (String value : headers(request, name)) {
                out.append(name).append(": ").append(value).append("\r\n");
            }
        }
        return out.append("Content-Length: 0\r\n\r\n").toString();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
