package org.tandem.engine.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Nonces that need no memory to issue: the time of issue, a random salt (so two phones behind one
 * address never share a nonce and its counts) and an HMAC-SHA256 over (time, salt, realm, client
 * address) under a secret made at random when the service is made (each engine start). A
 * nonce is good only from the address and for the realm it was issued to, and only for
 * {@code lifetime}; after that the phone is asked again with {@code stale=true}, without its user
 * noticing. Replays within the lifetime are caught by the nonce count ({@link #acceptCount}).
 */
public final class NonceService {

    /** How long a nonce may be used; then the phone gets a fresh one with stale=true. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** How many nonces' counts are remembered: far more than are issued in a lifetime at the target rate. */
    static final int DEFAULT_TRACKED_NONCES = 200_000;

    private static final int TIME_BYTES = Long.BYTES;
    private static final int SALT_BYTES = Long.BYTES;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = TIME_BYTES + SALT_BYTES + MAC_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a nonce presented by a phone turned out to be. */
    public enum Freshness {
        /** Issued by this engine to this address for this realm, within its lifetime. */
        FRESH,
        /** Issued here, but too long ago. */
        EXPIRED,
        /** Not issued by this engine (since its start), or for another address or realm. */
        UNKNOWN
    }

    private final InstantSource clock;
    private final Duration lifetime;
    private final SecretKeySpec secret;
    private final NonceCounts counts;
    /** One keyed HMAC per thread: looking the algorithm up and keying it cost more than hashing a nonce. */
    private final ThreadLocal<Mac> hmacs = ThreadLocal.withInitial(this::newHmac);

    public NonceService(InstantSource clock) {
        this(clock, DEFAULT_LIFETIME, DEFAULT_TRACKED_NONCES);
    }

    NonceService(InstantSource clock, Duration lifetime, int trackedNonces) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
        this.counts = new NonceCounts(trackedNonces);
    }

    /** A new nonce for a phone at {@code address} to answer in {@code realm}. */
    public String issue(String realm, String address) {
        long issuedAt = clock.millis();
        long salt = ThreadLocalRandom.current().nextLong();
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES);
        nonce.putLong(issuedAt).putLong(salt).put(mac(issuedAt, salt, realm, address));
        return ENCODER.encodeToString(nonce.array());
    }

    public Freshness check(String nonce, String realm, String address) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(nonce);
        } catch (IllegalArgumentException e) {
            return Freshness.UNKNOWN;
        }
        if (bytes.length != NONCE_BYTES) {
            return Freshness.UNKNOWN;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long issuedAt = buffer.getLong();
        long salt = buffer.getLong();
        byte[] presented = Arrays.copyOfRange(bytes, TIME_BYTES + SALT_BYTES, bytes.length);
        if (!MessageDigest.isEqual(presented, mac(issuedAt, salt, realm, address))) {
            return Freshness.UNKNOWN;
        }
        long age = clock.millis() - issuedAt;
        if (age < 0) {
            return Freshness.UNKNOWN;
        }
        return age <= lifetime.toMillis() ? Freshness.FRESH : Freshness.EXPIRED;
    }

    /**
     * Records that a request used {@code nonce} (already checked {@link Freshness#FRESH}) with
     * {@code nonceCount}; false if that count, or a higher one, was already used: a replay.
     */
    public boolean acceptCount(String nonce, long nonceCount) {
        long issuedAt = ByteBuffer.wrap(DECODER.decode(nonce)).getLong();
        return counts.accept(nonce, issuedAt, nonceCount, clock.millis() - lifetime.toMillis());
    }

    private byte[] mac(long issuedAt, long salt, String realm, String address) {
        Mac hmac = hmacs.get();
        hmac.update(ByteBuffer.allocate(TIME_BYTES + SALT_BYTES).putLong(issuedAt).putLong(salt).array());
        hmac.update((realm + "\n" + address).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(hmac.doFinal(), MAC_BYTES); // doFinal leaves it ready for the next nonce
    }

    private Mac newHmac() {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(secret);
            return hmac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
