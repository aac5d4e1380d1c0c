package org.tandem.domain.apitoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API token: {@code tdm_<prefix>_<secret>}. The prefix (12 letters and digits) is public
 * and finds the stored token; the secret is 32 random bytes (256 bits, base64url). With that much
 * entropy a plain SHA-256 is enough to keep it: no guessing can reach it, so the slow salted hash of
 * passwords would only cost time on every request. The {@code tdm_} mark lets secret scanners and
 * people tell a Tandem token at a glance.
 *
 * <p>Tokens made before schema version 50 read {@code tdm_<uuid>_<secret>} and were kept as the
 * SHA-256 of the secret part alone; they are still accepted, their prefix being the uuid's first 12
 * hex digits (as V50 stored it).
 */
public final class ApiTokenSecret {

    public static final String MARK = "tdm_";
    static final int PREFIX_LENGTH = 12;
    private static final int SECRET_BYTES = 32;
    private static final char[] PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern FORMAT = Pattern.compile(MARK + "([a-z0-9]{" + PREFIX_LENGTH + "})_[A-Za-z0-9_-]{43}");
    private static final Pattern BEFORE_V50 = Pattern.compile(MARK
            + "([0-9a-f]{8})-([0-9a-f]{4})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;
    private final String prefix;
    /** What the stored SHA-256 is of: the whole text, or for a token made before V50 its secret part. */
    private final String hashed;

    private ApiTokenSecret(String text, String prefix, String hashed) {
        this.text = text;
        this.prefix = prefix;
        this.hashed = hashed;
    }

    public static ApiTokenSecret generate() {
        char[] prefix = new char[PREFIX_LENGTH];
        for (int i = 0; i < prefix.length; i++) {
            prefix[i] = PREFIX_ALPHABET[RANDOM.nextInt(PREFIX_ALPHABET.length)];
        }
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String prefixText = new String(prefix);
        String text = MARK + prefixText + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new ApiTokenSecret(text, prefixText, text);
    }

    /** The token a client presented, if it has the shape of one; nothing is looked up. */
    public static Optional<ApiTokenSecret> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(presented);
        if (matcher.matches()) {
            return Optional.of(new ApiTokenSecret(presented, matcher.group(1), presented));
        }
        Matcher old = BEFORE_V50.matcher(presented);
        return old.matches() ? Optional.of(new ApiTokenSecret(presented, old.group(1) + old.group(2), old.group(3)))
                : Optional.empty();
    }

    /** The whole token, to give to its owner once. */
    public String text() {
        return text;
    }

    public String prefix() {
        return prefix;
    }

    /** What is stored: the SHA-256 of the whole token, as 64 lower-case hex digits. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hashed.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether this is the token whose hash is {@code storedSha256}, compared in constant time. */
    public boolean matches(String storedSha256) {
        return storedSha256 != null && MessageDigest.isEqual(sha256().getBytes(StandardCharsets.US_ASCII),
                storedSha256.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ApiTokenSecret[" + MARK + prefix + "_..., secret hidden]";
    }
}
