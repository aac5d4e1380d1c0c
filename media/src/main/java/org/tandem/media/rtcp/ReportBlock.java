package org.tandem.media.rtcp;

import java.nio.ByteBuffer;

/**
 * What a report says about one source it receives (RFC 3550 section 6.4.1).
 *
 * @param ssrc             the source reported on
 * @param fractionLost     packets lost since the last report, in 256ths
 * @param cumulativeLost   packets lost since the start (24 bits, signed: duplicates can make it negative)
 * @param highestSequence  the highest sequence number received, extended by the count of wraps
 * @param jitter           the interarrival jitter, in timestamp units
 * @param lastSenderReport the middle 32 bits of the NTP time of the last sender report received from it
 * @param delaySinceLastSenderReport since then, in 1/65536 s
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long highestSequence, long jitter,
                          long lastSenderReport, long delaySinceLastSenderReport) {

    static final int BYTES = 24;

    static ReportBlock read(ByteBuffer in) {
        long ssrc = in.getInt() & 0xFFFF_FFFFL;
        int lost = in.getInt();
        // the cumulative count is a 24-bit two's complement number
        int cumulative = (lost << 8) >> 8;
        return new ReportBlock(ssrc, lost >>> 24, cumulative, in.getInt() & 0xFFFF_FFFFL, in.getInt() & 0xFFFF_FFFFL,
                in.getInt() & 0xFFFF_FFFFL, in.getInt() & 0xFFFF_FFFFL);
    }

    void write(ByteBuffer out) {
        out.putInt((int) ssrc);
        int cumulative = Math.clamp(cumulativeLost, -0x80_0000, 0x7F_FFFF);
        out.putInt(fractionLost << 24 | (cumulative & 0xFF_FFFF));
        out.putInt((int) highestSequence);
        out.putInt((int) jitter);
        out.putInt((int) lastSenderReport);
        out.putInt((int) delaySinceLastSenderReport);
    }
}
