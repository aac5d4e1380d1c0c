package org.tandem.media.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reports of one compound RTCP packet (RFC 3550 section 6): a sender report (SR) or a receiver
 * report (RR) first, then what follows it. Only SR and RR are kept; the rest (SDES, BYE, APP, feedback)
 * is read past. Written, it is the report and an SDES with this side's CNAME, as section 6.1 requires.
 *
 * @param ssrc   the reporter's SSRC
 * @param sender what an SR adds, absent in an RR
 * @param blocks what the reporter says about the sources it receives
 */
public record RtcpReport(long ssrc, Optional<SenderInfo> sender, List<ReportBlock> blocks) {

    static final int SR = 200;
    static final int RR = 201;
    static final int SDES = 202;
    private static final int CNAME = 1;

    public RtcpReport {
        blocks = List.copyOf(blocks);
        if (blocks.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks in one report");
        }
    }

    /**
     * What a sender report adds (section 6.4.1).
     *
     * @param ntpTimestamp the wall-clock time of the report, NTP format (64 bits)
     * @param rtpTimestamp the same instant in the sender's RTP timestamp units
     * @param packets      RTP packets sent since the start
     * @param octets       payload bytes sent since the start
     */
    public record SenderInfo(long ntpTimestamp, long rtpTimestamp, long packets, long octets) {
    }

    /**
     * Reads a compound packet; empty when it is not one (RFC 3550 appendix A.2: version 2, SR or RR first,
     * the lengths adding up to the datagram's).
     */
    public static Optional<RtcpReport> read(ByteBuffer datagram, int maxBytes) {
        ByteBuffer in = datagram.slice();
        if (in.remaining() > maxBytes || in.remaining() < 8) {
            return Optional.empty();
        }
        RtcpReport report = null;
        while (in.hasRemaining()) {
            if (in.remaining() < 4) {
                return Optional.empty();
            }
            int start = in.position();
            int first = in.get() & 0xFF;
            int type = in.get() & 0xFF;
            int length = 4 * ((in.getShort() & 0xFFFF) + 1);
            boolean leading = start == 0;
            if (first >>> 6 != 2 || length > in.remaining() + 4 || leading && (type != SR && type != RR
                    || (first & 0x20) != 0)) {
                return Optional.empty();
            }
            int count = first & 0x1F;
            if (leading) {
                int needed = 8 + (type == SR ? 20 : 0) + count * ReportBlock.BYTES;
                if (needed > length) {
                    return Optional.empty();
                }
                long ssrc = in.getInt() & 0xFFFF_FFFFL;
                Optional<SenderInfo> sender = Optional.empty();
                if (type == SR) {
                    sender = Optional.of(new SenderInfo(in.getLong(), in.getInt() & 0xFFFF_FFFFL,
                            in.getInt() & 0xFFFF_FFFFL, in.getInt() & 0xFFFF_FFFFL));
                }
                List<ReportBlock> blocks = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    blocks.add(ReportBlock.read(in));
                }
                report = new RtcpReport(ssrc, sender, blocks);
            }
            in.position(start + length);
        }
        return Optional.ofNullable(report);
    }

    /** The compound packet: this report, then an SDES chunk with {@code cname}. */
    public byte[] toBytes(String cname) {
        byte[] name = cname.getBytes(StandardCharsets.UTF_8);
        if (name.length > 255) {
            throw new IllegalArgumentException("a CNAME is at most 255 bytes");
        }
        int reportLength = 8 + (sender.isPresent() ? 20 : 0) + blocks.size() * ReportBlock.BYTES;
        // SSRC, item type and length, the name, and at least one zero byte ending the item list, to 32 bits
        int sdesLength = 4 + (4 + 2 + name.length + 1 + 3) / 4 * 4;
        ByteBuffer out = ByteBuffer.allocate(reportLength + sdesLength);
        out.put((byte) (0x80 | blocks.size()));
        out.put((byte) (sender.isPresent() ? SR : RR));
        out.putShort((short) (reportLength / 4 - 1));
        out.putInt((int) ssrc);
        sender.ifPresent(info -> out.putLong(info.ntpTimestamp()).putInt((int) info.rtpTimestamp())
                .putInt((int) info.packets()).putInt((int) info.octets()));
        blocks.forEach(block -> block.write(out));
        out.put((byte) 0x81).put((byte) SDES).putShort((short) (sdesLength / 4 - 1));
        out.putInt((int) ssrc).put((byte) CNAME).put((byte) name.length).put(name);
        // the rest of the buffer is already zero: the end of the item list and the padding to 32 bits
        return out.array();
    }
}
