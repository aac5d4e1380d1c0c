package org.tandem.engine.cluster;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signature one node puts on a call it hands to another (header {@value #HEADER}): HMAC-SHA256,
 * under the secret the cluster's nodes share, over the call's identity (method, Request-URI and From
 * as user@host, Call-ID), the signing node and the time. The receiving node trusts the From because
 * the sender authenticated that phone; nobody without the secret can make a node ring its phones
 * unchallenged, and a captured signature is good for that one call for {@link #FRESH} either way
 * (the nodes' clocks may differ by that much).
 */
public final class NodeHop {

    public static final String HEADER = "X-Tandem-Hop";
    public static final Duration FRESH = Duration.ofSeconds(30);
    /** At least 128 bits: the secret is all that stands between a stranger and every phone. */
    public static final int MIN_SECRET_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern VALUE = Pattern.compile(
            "node=([0-9a-f-]{36});ts=([0-9]{1,19});sig=([0-9a-f]{64})");

    private final SecretKeySpec key;

    public NodeHop(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the cluster secret must be at least " + MIN_SECRET_BYTES
                    + " bytes, got " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The header value for {@code call}, sent by node {@code from} at {@code now}. */
    public String sign(UUID from, SignedCall call, Instant now) {
        long seconds = now.getEpochSecond();
        return "node=" + from + ";ts=" + seconds + ";sig=" + HexFormat.of().formatHex(mac(from, seconds, call));
    }

    /** The node that signed {@code value} for {@code call}, if the signature holds and is fresh at {@code now}. */
    public Optional<UUID> verify(String value, SignedCall call, Instant now) {
        Matcher m = VALUE.matcher(value == null ? "" : value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        UUID node;
        long seconds;
        try {
            node = UUID.fromString(m.group(1));
            seconds = Long.parseLong(m.group(2));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (Math.abs(now.getEpochSecond() - seconds) > FRESH.toSeconds()) {
            return Optional.empty();
        }
        boolean valid = MessageDigest.isEqual(mac(node, seconds, call), HexFormat.of().parseHex(m.group(3)));
        return valid ? Optional.of(node) : Optional.empty();
    }

    private byte[] mac(UUID node, long seconds, SignedCall call) {
        String text = String.join("\n", call.method(), call.requestUri(), call.from(), call.callId(),
                node.toString(), Long.toString(seconds));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }

    /** What a signature covers; URIs as user@host, which both nodes' parsers render alike. */
    public record SignedCall(String method, String requestUri, String from, String callId) {
    }
}
