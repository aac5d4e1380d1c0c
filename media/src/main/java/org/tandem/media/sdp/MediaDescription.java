package org.tandem.media.sdp;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code m=} section and the lines under it that a PBX's audio needs.
 *
 * @param type       the media type ("audio", "video", ...)
 * @param port       0 means the stream is refused or removed
 * @param protocol   "RTP/AVP" is the only one the engine sends on
 * @param formats    the formats in the offerer's order of preference (payload type numbers for RTP)
 * @param connection this section's {@code c=} address, if it has its own
 * @param rtpMaps    {@code a=rtpmap} by payload type
 * @param fmtps      {@code a=fmtp} parameters by payload type
 * @param ptime      {@code a=ptime}, milliseconds of audio per packet the writer wants to receive
 * @param direction  the section's direction attribute, {@code sendrecv} when it has none (RFC 3264)
 */
public record MediaDescription(String type, int port, String protocol, List<String> formats,
                               Optional<String> connection, Map<Integer, RtpMap> rtpMaps, Map<Integer, String> fmtps,
                               OptionalInt ptime, Direction direction) {

    public static final String RTP_AVP = "RTP/AVP";

    public MediaDescription {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        formats = List.copyOf(formats);
        Objects.requireNonNull(connection, "connection");
        rtpMaps = Map.copyOf(rtpMaps);
        fmtps = Map.copyOf(fmtps);
        Objects.requireNonNull(ptime, "ptime");
        Objects.requireNonNull(direction, "direction");
    }

    /** The section refused in an answer: port 0, the offered formats kept (RFC 3264 section 6). */
    MediaDescription refused() {
        return new MediaDescription(type, 0, protocol, formats, Optional.empty(), Map.of(), Map.of(),
                OptionalInt.empty(), direction);
    }

    void write(StringBuilder sdp) {
        sdp.append("m=").append(type).append(' ').append(port).append(' ').append(protocol);
        formats.forEach(format -> sdp.append(' ').append(format));
        sdp.append("\r\n");
        connection.ifPresent(address -> sdp.append("c=").append(SessionDescription.connectionLine(address)));
        if (port == 0) {
            return;
        }
        for (String format : formats) {
            int payloadType = Integer.parseInt(format);
            if (rtpMaps.containsKey(payloadType)) {
                sdp.append("a=rtpmap:").append(rtpMaps.get(payloadType)).append("\r\n");
            }
            if (fmtps.containsKey(payloadType)) {
                sdp.append("a=fmtp:").append(payloadType).append(' ').append(fmtps.get(payloadType)).append("\r\n");
            }
        }
        ptime.ifPresent(millis -> sdp.append("a=ptime:").append(millis).append("\r\n"));
        sdp.append('a').append('=').append(direction.attribute()).append("\r\n");
    }
}
