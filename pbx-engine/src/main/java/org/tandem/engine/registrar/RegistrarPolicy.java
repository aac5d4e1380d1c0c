package org.tandem.engine.registrar;

import org.tandem.engine.auth.AuthThrottle;
import org.tandem.engine.auth.DigestAlgorithm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The registrar's operator-facing choices: which digest algorithms it offers (and accepts), in order
 * of preference; how failed authentications are throttled; how often expired bindings are deleted.
 *
 * <p>Why MD5 comes first by default, and why this is a setting: RFC 8760 prefers SHA-256, but many
 * phones in the field answer only the first challenge, or fail on one they do not know instead of
 * skipping it. Seen here: SIPp 3.6.1 answers only the first challenge and gives up on SHA-256;
 * baresip 1.0.0 (Debian 12) gives up as soon as any SHA-256 challenge is present, in any order. So
 * the default offers MD5 first and SHA-256 second (RFC 8760 clients pick SHA-256); an operator whose
 * phones all speak SHA-256 sets {@code tandem.sip.digest=SHA-256}, one with baresip-like phones
 * {@code MD5}.
 *
 * @param challengeAlgorithms offered in this order; a response with any other algorithm is refused
 */
public record RegistrarPolicy(List<DigestAlgorithm> challengeAlgorithms, AuthThrottle.Limits throttle,
                             Duration cleanupPeriod) {

    public static final String DIGEST_PROPERTY = "tandem.sip.digest";
    public static final Duration DEFAULT_CLEANUP_PERIOD = Duration.ofSeconds(30);
    public static final RegistrarPolicy DEFAULT = new RegistrarPolicy(
            List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256), AuthThrottle.Limits.DEFAULT, DEFAULT_CLEANUP_PERIOD);

    public RegistrarPolicy {
        challengeAlgorithms = List.copyOf(challengeAlgorithms);
        if (challengeAlgorithms.isEmpty()
                || challengeAlgorithms.stream().distinct().count() != challengeAlgorithms.size()) {
            throw new IllegalArgumentException("offer each digest algorithm at most once, and at least one: "
                    + challengeAlgorithms);
        }
        Objects.requireNonNull(throttle, "throttle limits");
        if (cleanupPeriod.isNegative() || cleanupPeriod.isZero()) {
            throw new IllegalArgumentException("cleanup period must be positive: " + cleanupPeriod);
        }
    }

    /** The default policy, with the algorithms of {@value #DIGEST_PROPERTY} (e.g. {@code SHA-256,MD5}) if set. */
    public static RegistrarPolicy fromProperties(Properties properties) {
        String digest = properties.getProperty(DIGEST_PROPERTY);
        return digest == null ? DEFAULT : DEFAULT.withChallengeAlgorithms(algorithms(digest));
    }

    private static List<DigestAlgorithm> algorithms(String list) {
        List<DigestAlgorithm> algorithms = new ArrayList<>();
        for (String name : list.split(",")) {
            algorithms.add(DigestAlgorithm.named(name.strip()).orElseThrow(() -> new IllegalArgumentException(
                    DIGEST_PROPERTY + " names an unknown digest algorithm '" + name.strip()
                            + "': use SHA-256 and/or MD5")));
        }
        return algorithms;
    }

    public RegistrarPolicy withChallengeAlgorithms(List<DigestAlgorithm> algorithms) {
        return new RegistrarPolicy(algorithms, throttle, cleanupPeriod);
    }

    public RegistrarPolicy withThrottle(AuthThrottle.Limits limits) {
        return new RegistrarPolicy(challengeAlgorithms, limits, cleanupPeriod);
    }

    public RegistrarPolicy withCleanupPeriod(Duration period) {
        return new RegistrarPolicy(challengeAlgorithms, throttle, period);
    }
}
