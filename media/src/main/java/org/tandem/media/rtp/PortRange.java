package org.tandem.media.rtp;

import org.tandem.domain.settings.NodeSettings;

import java.util.Properties;

/**
 * The UDP ports the node's media legs take: RTP on the even ones, RTCP on the odd one above each
 * (RFC 3550 section 11). A firewall in front of the node opens exactly this range.
 *
 * @param min the lowest port (TANDEM_MEDIA_PORT_MIN)
 * @param max the highest port (TANDEM_MEDIA_PORT_MAX)
 */
public record PortRange(int min, int max) {

    public static final String MIN_PROPERTY = "tandem.media.port.min";
    public static final String MAX_PROPERTY = "tandem.media.port.max";
    /** 5,000 pairs: far more legs than one node's CPU can pace (docs/performance.md). */
    public static final PortRange DEFAULT = new PortRange(20000, 29999);

    public PortRange {
        if (min < 1024 || max > 65535 || min > max) {
            throw new IllegalArgumentException(
                    "media ports must be a range within 1024-65535, got " + min + "-" + max);
        }
        if (firstEven(min) + 1 > max) {
            throw new IllegalArgumentException("media ports " + min + "-" + max
                    + " hold no pair of an even RTP port and the odd RTCP port above it");
        }
    }

    /** The range the node's settings give (absent: {@link #DEFAULT}). */
    public static PortRange fromProperties(Properties properties) {
        return new PortRange(NodeSettings.wholeNumber(properties, MIN_PROPERTY, DEFAULT.min),
                NodeSettings.wholeNumber(properties, MAX_PROPERTY, DEFAULT.max));
    }

    /** How many RTP/RTCP pairs fit in the range. */
    public int pairs() {
        return (max - firstEven(min) + 1) / 2;
    }

    /** The RTP port of the {@code index}-th pair. */
    int rtpPort(int index) {
        return firstEven(min) + 2 * index;
    }

    private static int firstEven(int port) {
        return port + (port & 1);
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
