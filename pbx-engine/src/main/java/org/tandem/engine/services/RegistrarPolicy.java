package org.tandem.engine.services;

import org.tandem.domain.throttle.ThrottlePolicy;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * The registrar's operator-facing choices: how failed authentications are throttled (the policy
 * shared with the portal and the API, {@link ThrottlePolicy}) and how often expired bindings are
 * deleted. Which digest algorithms phones are challenged with is each tenant's choice
 * ({@link org.tandem.domain.tenant.SipDigest}), not the node's.
 */
public record RegistrarPolicy(ThrottlePolicy throttle, Duration cleanupPeriod) {

    /** The node-wide digest setting of earlier versions, refused so that it is not silently ignored. */
    static final String RETIRED_DIGEST_PROPERTY = "tandem.sip.digest";
    public static final Duration DEFAULT_CLEANUP_PERIOD = Duration.ofSeconds(30);
    public static final RegistrarPolicy DEFAULT = new RegistrarPolicy(ThrottlePolicy.DEFAULT, DEFAULT_CLEANUP_PERIOD);

    public RegistrarPolicy {
        Objects.requireNonNull(throttle, "throttle policy");
        if (cleanupPeriod.isNegative() || cleanupPeriod.isZero()) {
            throw new IllegalArgumentException("cleanup period must be positive: " + cleanupPeriod);
        }
    }

    /** The default policy with the throttle of the {@code tandem.auth.*} properties. */
    public static RegistrarPolicy fromProperties(Properties properties) {
        if (properties.getProperty(RETIRED_DIGEST_PROPERTY) != null) {
            throw new IllegalArgumentException("TANDEM_SIP_DIGEST (" + RETIRED_DIGEST_PROPERTY + ") is no longer read: "
                    + "each tenant chooses its digest algorithms (MD5 by default); unset it");
        }
        return DEFAULT.withThrottle(ThrottlePolicy.fromProperties(properties));
    }

    public RegistrarPolicy withThrottle(ThrottlePolicy policy) {
        return new RegistrarPolicy(policy, cleanupPeriod);
    }

    public RegistrarPolicy withCleanupPeriod(Duration period) {
        return new RegistrarPolicy(throttle, period);
    }
}
