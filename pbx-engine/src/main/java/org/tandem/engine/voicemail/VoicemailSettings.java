package org.tandem.engine.voicemail;

import org.tandem.domain.settings.NodeSettings;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.media.sounds.SoundSettings;
import org.tandem.notification.MailSettings;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How voicemail records a message (docs/operations.md, "Voicemail").
 *
 * @param maxMessage the longest message: the node hangs up when it is reached (TANDEM_VOICEMAIL_MAX_SECONDS)
 * @param minMessage a message shorter than this is dropped: a caller who hung up at the tone left nothing
 *                   (TANDEM_VOICEMAIL_MIN_MILLIS)
 * @param storeTimeout how long a stopping node waits for the messages still being stored (file, then row)
 *                   (TANDEM_VOICEMAIL_STORE_TIMEOUT_SECONDS)
 * @param sounds     where the system prompts are (TANDEM_SOUNDS_DIR): voicemail needs the English set
 * @param mail       how messages are mailed (TANDEM_SMTP_*); no host, no mail
 * @param enabled    false: no call reaches a mailbox, and the node needs no prompts (TANDEM_VOICEMAIL_ENABLED)
 */
public record VoicemailSettings(Duration maxMessage, Duration minMessage, Duration storeTimeout, SoundSettings sounds,
                                MailSettings mail, boolean enabled) {

    public static final String MAX_SECONDS_PROPERTY = "tandem.voicemail.max.seconds";
    public static final String MIN_MILLIS_PROPERTY = "tandem.voicemail.min.millis";
    public static final String STORE_TIMEOUT_PROPERTY = "tandem.voicemail.store.timeout.seconds";
    public static final String ENABLED_PROPERTY = "tandem.voicemail.enabled";

    /** Three minutes, as most PBXs offer; a second; half a minute for a copy of a few MB. */
    public static final VoicemailSettings DEFAULT = new VoicemailSettings(Duration.ofMinutes(3), Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    /** Enabled settings with the default sounds folder and without mail. */
    public VoicemailSettings(Duration maxMessage, Duration minMessage, Duration storeTimeout) {
        this(maxMessage, minMessage, storeTimeout, SoundSettings.DEFAULT, MailSettings.fromProperties(new Properties()),
                true);
    }

    public VoicemailSettings {
        if (maxMessage.compareTo(Duration.ofSeconds(1)) < 0 || maxMessage.compareTo(VoicemailMessage.MAX_DURATION) > 0) {
            throw new IllegalArgumentException("the longest voicemail message must be 1 s to "
                    + VoicemailMessage.MAX_DURATION.toMinutes() + " minutes, got " + maxMessage.toSeconds() + " s");
        }
        if (minMessage.isNegative() || minMessage.compareTo(maxMessage) >= 0) {
            throw new IllegalArgumentException("the shortest voicemail message kept must be 0 or more and below the"
                    + " longest, got " + minMessage.toMillis() + " ms");
        }
        Objects.requireNonNull(sounds, "sounds");
        Objects.requireNonNull(mail, "mail");
        if (storeTimeout.isNegative() || storeTimeout.isZero()) {
            throw new IllegalArgumentException("the time to store a voicemail message must be positive");
        }
    }

    public static VoicemailSettings fromProperties(Properties properties) {
        return new VoicemailSettings(
                Duration.ofSeconds(NodeSettings.positive(properties, MAX_SECONDS_PROPERTY,
                        (int) DEFAULT.maxMessage.toSeconds())),
                Duration.ofMillis(NodeSettings.wholeNumber(properties, MIN_MILLIS_PROPERTY,
                        (int) DEFAULT.minMessage.toMillis())),
                Duration.ofSeconds(NodeSettings.positive(properties, STORE_TIMEOUT_PROPERTY,
                        (int) DEFAULT.storeTimeout.toSeconds())),
                SoundSettings.fromProperties(properties), MailSettings.fromProperties(properties),
                enabled(properties));
    }

    /** true or false, in words; anything else is refused rather than read as false. */
    private static boolean enabled(Properties properties) {
        String value = properties.getProperty(ENABLED_PROPERTY, "true").strip();
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(ENABLED_PROPERTY + " must be true or false, not '" + value + "'");
        };
    }

    public VoicemailSettings withSounds(SoundSettings newSounds) {
        return new VoicemailSettings(maxMessage, minMessage, storeTimeout, newSounds, mail, enabled);
    }

    public VoicemailSettings withMail(MailSettings newMail) {
        return new VoicemailSettings(maxMessage, minMessage, storeTimeout, sounds, newMail, enabled);
    }
}
