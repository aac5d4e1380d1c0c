package org.tandem.domain.throttle;

import org.tandem.domain.settings.NodeSettings;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How failed authentications are throttled, the same for SIP, the portal's sign-in and the API (and, with
 * tighter defaults of its own, for voicemail PINs: {@link #voicemailPinsFromProperties}). Set by
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
        return read(properties, DEFAULT, PER_ACCOUNT_PROPERTY, PER_ADDRESS_PROPERTY, WINDOW_PROPERTY, BLOCK_PROPERTY);
    }

    public static ThrottlePolicy fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    public static final String PIN_PER_MAILBOX_PROPERTY = "tandem.voicemail.pin.failures.per.mailbox";
    public static final String PIN_PER_CALLER_PROPERTY = "tandem.voicemail.pin.failures.per.caller";
    public static final String PIN_WINDOW_PROPERTY = "tandem.voicemail.pin.failure.window.seconds";
    public static final String PIN_BLOCK_PROPERTY = "tandem.voicemail.pin.block.seconds";

    /**
     * A voicemail PIN of four digits has only 10,000 values, so far fewer tries than a password: three
     * per mailbox and ten in all from one caller in ten minutes, then half an hour off.
     */
    public static final ThrottlePolicy VOICEMAIL_PIN_DEFAULT = new ThrottlePolicy(3, 10, Duration.ofMinutes(10),
            Duration.ofMinutes(30), 100_000);

    /**
     * How wrong voicemail PINs are throttled: {@link #VOICEMAIL_PIN_DEFAULT} with whatever of the
     * {@code tandem.voicemail.pin.*} properties is set ({@code TANDEM_VOICEMAIL_PIN_FAILURES_PER_MAILBOX},
     * {@code _FAILURES_PER_CALLER}, {@code _FAILURE_WINDOW_SECONDS}, {@code _BLOCK_SECONDS}); the account is
     * the mailbox, the address the caller.
     */
    public static ThrottlePolicy voicemailPinsFromProperties(Properties properties) {
        return read(properties, VOICEMAIL_PIN_DEFAULT, PIN_PER_MAILBOX_PROPERTY, PIN_PER_CALLER_PROPERTY,
                PIN_WINDOW_PROPERTY, PIN_BLOCK_PROPERTY);
    }

    /** {@code defaults} with whatever of the four named properties is set. */
    private static ThrottlePolicy read(Properties properties, ThrottlePolicy defaults, String perAccount,
                                       String perAddress, String window, String block) {
        return new ThrottlePolicy(
                NodeSettings.wholeNumber(properties, perAccount, defaults.perAccountAndAddress()),
                NodeSettings.wholeNumber(properties, perAddress, defaults.perAddress()),
                Duration.ofSeconds(NodeSettings.wholeNumber(properties, window, (int) defaults.window().toSeconds())),
                Duration.ofSeconds(NodeSettings.wholeNumber(properties, block, (int) defaults.block().toSeconds())),
                defaults.trackedKeys());
    }
}
