package org.tandem.engine.cluster;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signature one node puts on a call it hands to another (header {@value #HEADER}), and the one
 * rule that accepts it: HMAC-SHA256, under the secret the cluster's nodes share, over everything the
 * receiving node acts on ({@link SignedCall}: method, Request-URI, From with its tag, To, Call-ID,
 * CSeq, Contact, the body's type and digest, the top Via's sent-by), the signing node, the time and a
 * random nonce. The receiving node trusts the From because the sender authenticated that phone, so
 * it takes a hand-over only from the SIP address of the node that signed it, within the clock-skew
 * window either side of its own time, unaltered, and once. Hand-overs go over TCP, where no node
 * retransmits, and copies of an INVITE whose transaction is still there never reach this check (the
 * stack answers them), so a nonce seen again is a replay.
 */
public final class NodeHop {

    public static final String HEADER = "X-Tandem-Hop";
    /** At least 128 bits: the secret is all that stands between a stranger and every phone. */
    public static final int MIN_SECRET_BYTES = 16;
    /** Nodes keep NTP time; 5 s either way covers a clock gone astray without keeping a capture usable long. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);
    /** Nonces held at once: a window of 5 s keeps each 10 s, so this covers 5,000 hand-overs a second. */
    public static final int DEFAULT_REPLAY_CAPACITY = 50_000;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern VALUE = Pattern.compile(
            "node=([0-9a-f-]{36});ts=([0-9]{1,19});nonce=([0-9a-f]{32});sig=([0-9a-f]{64})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Duration window;
    private final SeenNonces seen;

    public NodeHop(byte[] secret) {
        this(secret, DEFAULT_WINDOW, DEFAULT_REPLAY_CAPACITY);
    }

    public NodeHop(byte[] secret, Duration window, int replayCapacity) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the cluster secret must be at least " + MIN_SECRET_BYTES
                    + " bytes, got " + secret.length);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the hand-over window must be positive, got " + window);
        }
        if (replayCapacity < 1) {
            throw new IllegalArgumentException("the hand-over replay capacity must be positive, got " + replayCapacity);
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.window = window;
        // A signature is good while the receiver's clock, in whole seconds, is within the window of its
        // time, so for at most twice the window and a second after it first arrives: hold its nonce that long.
        this.seen = new SeenNonces(window.multipliedBy(2).plusSeconds(1), replayCapacity);
    }

    /** How far a signature's time may be from the receiver's clock, either way. */
    public Duration window() {
        return window;
    }

    /** The header value for {@code call}, sent by node {@code from} at {@code now}, with a fresh nonce. */
    public String sign(UUID from, SignedCall call, Instant now) {
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        long seconds = now.getEpochSecond();
        return "node=" + from + ";ts=" + seconds + ";nonce=" + nonce + ";sig="
                + HexFormat.of().formatHex(mac(from, seconds, nonce, call));
    }

    /**
     * Whether to take the hand-over {@code value} of {@code call}, arrived at {@code now} from an
     * address where the nodes {@code nodesAtSource} take SIP (none: not a member's address, refused
     * before the signature is looked at). A genuine signature's nonce is then spent.
     */
    public Verdict verify(String value, SignedCall call, Set<UUID> nodesAtSource, Instant now) {
        if (nodesAtSource.isEmpty()) {
            return new Refused(Reason.NOT_A_MEMBER);
        }
        Matcher m = VALUE.matcher(value == null ? "" : value.strip());
        if (!m.matches()) {
            return new Refused(Reason.MALFORMED);
        }
        UUID node;
        long seconds;
        try {
            node = UUID.fromString(m.group(1));
            seconds = Long.parseLong(m.group(2));
        } catch (IllegalArgumentException e) {
            return new Refused(Reason.MALFORMED);
        }
        if (!nodesAtSource.contains(node)) {
            return new Refused(Reason.NOT_A_MEMBER);
        }
        if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
            return new Refused(Reason.STALE);
        }
        String nonce = m.group(3);
        if (!MessageDigest.isEqual(mac(node, seconds, nonce, call), HexFormat.of().parseHex(m.group(4)))) {
            return new Refused(Reason.ALTERED);
        }
        return switch (seen.spend(nonce, now)) {
            case FIRST -> new Genuine(node);
            case AGAIN -> new Refused(Reason.REPLAYED);
            case FULL -> new Refused(Reason.TOO_MANY);
        };
    }

    private byte[] mac(UUID node, long seconds, String nonce, SignedCall call) {
        String text = String.join("\n", call.method(), call.requestUri(), call.from(), call.fromTag(), call.to(),
                call.toTag(), call.callId(), call.cseq(), call.contact(), call.contentType(), call.bodyDigest(),
                call.sentBy(), node.toString(), Long.toString(seconds), nonce);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }

    /** What came of a hand-over's signature. */
    public sealed interface Verdict permits Genuine, Refused {
    }

    /** Signed by {@code node}, unaltered, fresh, and the first time its nonce is seen. */
    public record Genuine(UUID node) implements Verdict {
    }

    public record Refused(Reason reason) implements Verdict {
    }

    /** Why a hand-over was refused, in the words the log uses. */
    public enum Reason {
        NOT_IN_A_CLUSTER("this node has no cluster secret"),
        NOT_OVER_TCP("not over TCP"),
        NOT_A_MEMBER("not from the SIP address of the node that signed it"),
        MALFORMED("no signature in the form node=;ts=;nonce=;sig="),
        STALE("signed at a time outside the window"),
        ALTERED("the signature does not match the request (altered, or another secret)"),
        REPLAYED("its nonce was used before (a replay)"),
        TOO_MANY("more hand-overs within the window than the replay cache holds");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /**
     * What a signature covers. URIs as user@host, which both nodes' parsers render alike, except the
     * Contact, which is taken whole; the body as its SHA-256 (of nothing, for none); the top Via's
     * sent-by, where the sending node says it is (its branch is added by the stack after signing).
     */
    public record SignedCall(String method, String requestUri, String from, String fromTag, String to, String toTag,
                             String callId, String cseq, String contact, String contentType, String bodyDigest,
                             String sentBy) {

        public SignedCall {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(requestUri, "requestUri");
        }

        /** The parts of {@code request} a node signs and the receiving node checks. */
        public static SignedCall of(Request request) {
            FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
            ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
            CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
            CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
            ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
            ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
            ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
            return new SignedCall(request.getMethod(), userAtHost(request.getRequestURI()),
                    from == null ? "" : userAtHost(from.getAddress().getURI()),
                    from == null ? "" : text(from.getTag()),
                    to == null ? "" : userAtHost(to.getAddress().getURI()),
                    to == null ? "" : text(to.getTag()),
                    callId == null ? "" : callId.getCallId(),
                    cseq == null ? "" : cseq.getSeqNumber() + " " + cseq.getMethod(),
                    contact == null || contact.getAddress() == null ? "" : contact.getAddress().getURI().toString(),
                    type == null ? "" : (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT),
                    sha256(request.getRawContent()),
                    via == null ? "" : via.getHost() + ":" + via.getPort());
        }

        private static String userAtHost(URI uri) {
            return uri instanceof SipURI sip ? sip.getUser() + "@" + sip.getHost() : uri.toString();
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }

        private static String sha256(byte[] body) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(body == null ? new byte[0] : body));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    /**
     * The nonces of the signatures accepted within the last {@code keep}, in arrival order, so the
     * expired ones leave from the head; bounded, and refusing rather than forgetting when full, since
     * a forgotten nonce would be a replay let through.
     */
    private static final class SeenNonces {

        enum Seen { FIRST, AGAIN, FULL }

        private final Duration keep;
        private final int capacity;
        private final LinkedHashMap<String, Instant> until = new LinkedHashMap<>();

        SeenNonces(Duration keep, int capacity) {
            this.keep = keep;
            this.capacity = capacity;
        }

        synchronized Seen spend(String nonce, Instant now) {
            Iterator<Instant> oldest = until.values().iterator();
            while (oldest.hasNext() && !oldest.next().isAfter(now)) {
                oldest.remove();
            }
            if (until.containsKey(nonce)) {
                return Seen.AGAIN;
            }
            if (until.size() >= capacity) {
                return Seen.FULL;
            }
            until.put(nonce, now.plus(keep));
            return Seen.FIRST;
        }
    }
}
