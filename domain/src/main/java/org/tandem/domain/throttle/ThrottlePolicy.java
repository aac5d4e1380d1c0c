package org.tandem.domain.throttle;

import org.tandem.domain.settings.NodeSettings;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How failed authentications are throttled, the same for SIP, the portal's sign-in and the API. Set by
 * {@code TANDEM_AUTH_FAILURES_PER_ACCOUNT}, {@code TANDEM_AUTH_FAILURES_PER_ADDRESS},
 * {@code TANDEM_AUTH_FAILURE_WINDOW_SECONDS} and {@code TANDEM_AUTH_BLOCK_SECONDS} (system properties
 * {@code tandem.auth.*}).
 *
 * @param perAccountAndAddress failures from one address for one account before that pair is blocked
 * @param perAddress           failures from one address, whatever the account, before it is blocked
 * @param window               how long failures are counted together
 * @param block                how long a block lasts
 * @param trackedKeys          how many counters are kept at most
 */
public record ThrottlePolicy(int perAccountAndAddress, int perAddress, Duration window, Duration block,
                             int trackedKeys) {

    public static final String PER_ACCOUNT_PROPERTY = "tandem.auth.failures.per.account";
    public static final String PER_ADDRESS_PROPERTY = "tandem.auth.failures.per.address";
    public static final String WINDOW_PROPERTY = "tandem.auth.failure.window.seconds";
    public static final String BLOCK_PROPERTY = "tandem.auth.block.seconds";

    /** A mistyped password gets five tries a minute; a scanner twenty, then five minutes off. */
    public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(5),
            100_000);

    public ThrottlePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(block, "block");
        if (perAccountAndAddress < 1 || perAddress < perAccountAndAddress || trackedKeys < 1
                || !window.isPositive() || !block.isPositive()) {
            throw new IllegalArgumentException("throttle limits must be positive, the per-address one at least the "
                    + "per-account one: " + perAccountAndAddress + " per account, " + perAddress + " per address, window "
                    + window.toSeconds() + " s, block " + block.toSeconds() + " s");
        }
    }

    /** The default policy with whatever of the {@code tandem.auth.*} properties is set. */
    public static ThrottlePolicy fromProperties(Properties properties) {
        return new ThrottlePolicy(
                NodeSettings.wholeNumber(properties, PER_ACCOUNT_PROPERTY, DEFAULT.perAccountAndAddress()),
                NodeSettings.wholeNumber(properties, PER_ADDRESS_PROPERTY, DEFAULT.perAddress()),
                Duration.ofSeconds(NodeSettings.wholeNumber(properties, WINDOW_PROPERTY, (int) DEFAULT.window().toSeconds())),
                Duration.ofSeconds(NodeSettings.wholeNumber(properties, BLOCK_PROPERTY, (int) DEFAULT.block().toSeconds())),
                DEFAULT.trackedKeys());
    }

    public static ThrottlePolicy fromSystemProperties() {
        return fromProperties(System.getProperties());
    }
}
