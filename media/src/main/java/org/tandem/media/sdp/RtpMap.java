package org.tandem.media.sdp;

/**
 * What {@code a=rtpmap:<payload type> <encoding>/<clock rate>[/<channels>]} says about one payload type.
 */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

    @Override
    public String toString() {
        return payloadType + " " + encoding + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
    }
}
