package org.tandem.media.endpoint;

import org.tandem.domain.settings.NodeSettings;
import org.tandem.media.rtp.PortRange;

import java.util.Objects;
import java.util.Properties;

/**
 * The media engine's limits, from the node's settings (docs/operations.md, "Media").
 *
 * @param ports               the UDP port range of RTP and RTCP (TANDEM_MEDIA_PORT_MIN / _MAX)
 * @param maxRtpBytes         the longest RTP datagram read; longer ones are dropped (TANDEM_MEDIA_RTP_MAX_BYTES)
 * @param maxSdpBytes         the longest session description read (TANDEM_MEDIA_SDP_MAX_BYTES)
 * @param reorderMillis       how long a recording waits for a frame that came out of order (TANDEM_MEDIA_RECORDING_REORDER_MILLIS)
 * @param maxRecordingSeconds the longest recording (TANDEM_MEDIA_RECORDING_MAX_SECONDS)
 * @param digitQueue          digits a leg holds that nobody took; more are dropped (TANDEM_MEDIA_DTMF_QUEUE_DIGITS)
 */
public record MediaSettings(PortRange ports, int maxRtpBytes, int maxSdpBytes, int reorderMillis,
                            int maxRecordingSeconds, int digitQueue) {

    public static final String MAX_RTP_BYTES_PROPERTY = "tandem.media.rtp.max.bytes";
    public static final String MAX_SDP_BYTES_PROPERTY = "tandem.media.sdp.max.bytes";
    public static final String REORDER_MILLIS_PROPERTY = "tandem.media.recording.reorder.millis";
    public static final String MAX_RECORDING_SECONDS_PROPERTY = "tandem.media.recording.max.seconds";
    public static final String DIGIT_QUEUE_PROPERTY = "tandem.media.dtmf.queue.digits";

    /**
     * A UDP payload in a 1500-byte Ethernet frame (G.711 at 20 ms is 172); 8 KiB holds any offer a phone
     * makes; 200 ms of reordering is more than a sane network shows; an hour of recording; 32 digits is
     * more than anyone types ahead.
     */
    public static final MediaSettings DEFAULT = new MediaSettings(PortRange.DEFAULT, 1472, 8192, 200, 3600, 32);

    public MediaSettings {
        Objects.requireNonNull(ports, "ports");
        if (maxRtpBytes < 172 || maxRtpBytes > 65507) {
            throw new IllegalArgumentException("the longest RTP datagram must be 172-65507 bytes, got " + maxRtpBytes);
        }
        if (maxSdpBytes < 256) {
            throw new IllegalArgumentException("the longest session description must be at least 256 bytes");
        }
        if (reorderMillis < 0 || reorderMillis > 5000) {
            throw new IllegalArgumentException("the recording's reorder window must be 0-5000 ms, got " + reorderMillis);
        }
        if (maxRecordingSeconds < 1 || digitQueue < 1) {
            throw new IllegalArgumentException("the longest recording and the digit queue must be positive");
        }
    }

    public static MediaSettings fromProperties(Properties properties) {
        return new MediaSettings(PortRange.fromProperties(properties),
                NodeSettings.positive(properties, MAX_RTP_BYTES_PROPERTY, DEFAULT.maxRtpBytes),
                NodeSettings.positive(properties, MAX_SDP_BYTES_PROPERTY, DEFAULT.maxSdpBytes),
                NodeSettings.wholeNumber(properties, REORDER_MILLIS_PROPERTY, DEFAULT.reorderMillis),
                NodeSettings.positive(properties, MAX_RECORDING_SECONDS_PROPERTY, DEFAULT.maxRecordingSeconds),
                NodeSettings.positive(properties, DIGIT_QUEUE_PROPERTY, DEFAULT.digitQueue));
    }
}
