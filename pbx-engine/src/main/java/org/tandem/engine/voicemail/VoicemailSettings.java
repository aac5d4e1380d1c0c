package org.tandem.engine.voicemail;

import org.tandem.domain.settings.NodeSettings;
import org.tandem.domain.voicemail.VoicemailMessage;

import java.time.Duration;
import java.util.Properties;

/**
 * How voicemail records a message (docs/operations.md, "Voicemail").
 *
 * @param maxMessage the longest message: the node hangs up when it is reached (TANDEM_VOICEMAIL_MAX_SECONDS)
 * @param minMessage a message shorter than this is dropped: a caller who hung up at the tone left nothing
 *                   (TANDEM_VOICEMAIL_MIN_MILLIS)
 * @param storeTimeout how long a stopping node waits for the messages still being stored (file, then row)
 *                   (TANDEM_VOICEMAIL_STORE_TIMEOUT_SECONDS)
 */
public record VoicemailSettings(Duration maxMessage, Duration minMessage, Duration storeTimeout) {

    public static final String MAX_SECONDS_PROPERTY = "tandem.voicemail.max.seconds";
    public static final String MIN_MILLIS_PROPERTY = "tandem.voicemail.min.millis";
    public static final String STORE_TIMEOUT_PROPERTY = "tandem.voicemail.store.timeout.seconds";

    /** Three minutes, as most PBXs offer; a second; half a minute for a copy of a few MB. */
    public static final VoicemailSettings DEFAULT = new VoicemailSettings(Duration.ofMinutes(3), Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    public VoicemailSettings {
        if (maxMessage.compareTo(Duration.ofSeconds(1)) < 0 || maxMessage.compareTo(VoicemailMessage.MAX_DURATION) > 0) {
            throw new IllegalArgumentException("the longest voicemail message must be 1 s to "
                    + VoicemailMessage.MAX_DURATION.toMinutes() + " minutes, got " + maxMessage.toSeconds() + " s");
        }
        if (minMessage.isNegative() || minMessage.compareTo(maxMessage) >= 0) {
            throw new IllegalArgumentException("the shortest voicemail message kept must be 0 or more and below the"
                    + " longest, got " + minMessage.toMillis() + " ms");
        }
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
                        (int) DEFAULT.storeTimeout.toSeconds())));
    }
}
