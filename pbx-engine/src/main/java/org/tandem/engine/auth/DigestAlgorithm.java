package org.tandem.engine.auth;

import org.tandem.domain.extension.SipCredentials;
import org.tandem.domain.tenant.SipDigest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The digest algorithms phones may be challenged with; each tenant picks which and in what order
 * ({@link SipDigest}). Each one knows which stored HA1 hash it checks against.
 */
public enum DigestAlgorithm {

    SHA_256("SHA-256", "SHA-256", SipCredentials::ha1Sha256),
    MD5("MD5", "MD5", SipCredentials::ha1Md5);

    private final String token;
    private final String javaName;
    private final Function<SipCredentials, String> storedHa1;

    DigestAlgorithm(String token, String javaName, Function<SipCredentials, String> storedHa1) {
        this.token = token;
        this.javaName = javaName;
        this.storedHa1 = storedHa1;
    }

    /** The algorithms of a tenant's choice, in its order of preference. */
    public static List<DigestAlgorithm> of(SipDigest choice) {
        return CHOICES.get(choice);
    }

    private static final Map<SipDigest, List<DigestAlgorithm>> CHOICES = choices();

    private static Map<SipDigest, List<DigestAlgorithm>> choices() {
        Map<SipDigest, List<DigestAlgorithm>> choices = new EnumMap<>(SipDigest.class);
        for (SipDigest choice : SipDigest.values()) {
            choices.put(choice, choice.algorithms().stream().map(name -> named(name).orElseThrow()).toList());
        }
        return choices;
    }

    /** The name in the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /**
     * The algorithm a response names; none named means MD5 (RFC 2617 3.2.1). The {@code -sess}
     * variants are not offered, so they are not accepted either.
     */
    public static Optional<DigestAlgorithm> named(String token) {
        if (token == null) {
            return Optional.of(MD5);
        }
        String upper = token.strip().toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(upper)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    String ha1(SipCredentials credentials) {
        return storedHa1.apply(credentials);
    }

    /** Lower-case hex of the hash of {@code text} in UTF-8. */
    String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance(javaName).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + javaName, e);
        }
    }
}
