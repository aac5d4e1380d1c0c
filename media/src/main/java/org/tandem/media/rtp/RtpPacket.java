package org.tandem.media.rtp;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One RTP packet (RFC 3550 section 5.1). Sequence numbers are 16 bits and timestamps and SSRCs 32 bits,
 * held unsigned in an {@code int} and {@code long}s.
 *
 * @param marker      the M bit (for audio: the first packet after silence, or of a telephone event)
 * @param payloadType 0-127
 * @param sequence    0-65535
 * @param timestamp   0 to 2^32 - 1, in samples (8 kHz for G.711)
 * @param ssrc        the sender's source identifier, 0 to 2^32 - 1
 * @param csrcs       the contributing sources (at most 15)
 * @param extension   the header extension, if the X bit is set
 * @param payload     what follows the header, without padding
 * @param padding     bytes of padding after the payload (0: the P bit is clear); at most 255
 */
public record RtpPacket(boolean marker, int payloadType, int sequence, long timestamp, long ssrc, List<Long> csrcs,
                        Optional<HeaderExtension> extension, byte[] payload, int padding) implements RtpDatagram {

    public static final int VERSION = 2;
    public static final int FIXED_HEADER_BYTES = 12;
    private static final long UNSIGNED_32 = 0xFFFF_FFFFL;

    public RtpPacket {
        csrcs = List.copyOf(csrcs);
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(payload, "payload");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0-127, got " + payloadType);
        }
        if (sequence < 0 || sequence > 0xFFFF) {
            throw new IllegalArgumentException("sequence must be 0-65535, got " + sequence);
        }
        if ((timestamp & ~UNSIGNED_32) != 0 || (ssrc & ~UNSIGNED_32) != 0) {
            throw new IllegalArgumentException("timestamp and SSRC are 32-bit unsigned");
        }
        if (csrcs.size() > 15 || csrcs.stream().anyMatch(csrc -> (csrc & ~UNSIGNED_32) != 0)) {
            throw new IllegalArgumentException("at most 15 CSRCs, each 32-bit unsigned");
        }
        if (padding < 0 || padding > 255) {
            throw new IllegalArgumentException("padding must be 0-255 bytes, got " + padding);
        }
    }

    /** A plain audio packet: no CSRC, no extension, no padding. */
    public static RtpPacket audio(boolean marker, int payloadType, int sequence, long timestamp, long ssrc,
                                  byte[] payload) {
        return new RtpPacket(marker, payloadType, sequence, timestamp, ssrc, List.of(), Optional.empty(), payload, 0);
    }

    /**
     * A header extension (RFC 3550 section 5.3.1): a profile-defined 16-bit word and whole 32-bit words of data.
     */
    public record HeaderExtension(int profile, byte[] data) {
        public HeaderExtension {
            if (profile < 0 || profile > 0xFFFF) {
                throw new IllegalArgumentException("extension profile must be 16 bits, got " + profile);
            }
            if (data.length % 4 != 0 || data.length / 4 > 0xFFFF) {
                throw new IllegalArgumentException("extension data must be whole 32-bit words, at most 65535");
            }
        }
    }

    /** Bytes this packet takes on the wire. */
    public int length() {
        return FIXED_HEADER_BYTES + 4 * csrcs.size() + extension.map(ext -> 4 + ext.data().length).orElse(0)
                + payload.length + padding;
    }

    /** Writes the packet at {@code target}'s position, which moves past it. */
    public void write(ByteBuffer target) {
        target.put((byte) (VERSION << 6 | (padding > 0 ? 0x20 : 0) | (extension.isPresent() ? 0x10 : 0)
                | csrcs.size()));
        target.put((byte) ((marker ? 0x80 : 0) | payloadType));
        target.putShort((short) sequence);
        target.putInt((int) timestamp);
        target.putInt((int) ssrc);
        csrcs.forEach(csrc -> target.putInt(csrc.intValue()));
        extension.ifPresent(ext -> {
            target.putShort((short) ext.profile());
            target.putShort((short) (ext.data().length / 4));
            target.put(ext.data());
        });
        target.put(payload);
        if (padding > 0) {
            target.put(new byte[padding - 1]);
            target.put((byte) padding);
        }
    }

    /** The packet as a datagram's bytes. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(length());
        write(buffer);
        return buffer.array();
    }

    static RtpDatagram read(ByteBuffer datagram, int maxBytes) {
        ByteBuffer in = datagram.slice();
        int length = in.remaining();
        if (length > maxBytes) {
            return Malformed.TOO_LONG;
        }
        if (length < FIXED_HEADER_BYTES) {
            return Malformed.TOO_SHORT;
        }
        int first = in.get() & 0xFF;
        if (first >>> 6 != VERSION) {
            return Malformed.NOT_VERSION_2;
        }
        int second = in.get() & 0xFF;
        int sequence = in.getShort() & 0xFFFF;
        long timestamp = in.getInt() & UNSIGNED_32;
        long ssrc = in.getInt() & UNSIGNED_32;
        int csrcCount = first & 0x0F;
        if (in.remaining() < 4 * csrcCount) {
            return Malformed.CSRC_OVERRUN;
        }
        Long[] csrcs = new Long[csrcCount];
        for (int i = 0; i < csrcCount; i++) {
            csrcs[i] = in.getInt() & UNSIGNED_32;
        }
        Optional<HeaderExtension> extension = Optional.empty();
        if ((first & 0x10) != 0) {
            if (in.remaining() < 4) {
                return Malformed.EXTENSION_OVERRUN;
            }
            int profile = in.getShort() & 0xFFFF;
            int words = in.getShort() & 0xFFFF;
            if (in.remaining() < 4 * words) {
                return Malformed.EXTENSION_OVERRUN;
            }
            byte[] data = new byte[4 * words];
            in.get(data);
            extension = Optional.of(new HeaderExtension(profile, data));
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            // the last byte counts the padding, itself included (RFC 3550 section 5.1)
            padding = in.get(length - 1) & 0xFF;
            if (padding == 0 || padding > in.remaining()) {
                return Malformed.PADDING_OVERRUN;
            }
        }
        byte[] payload = new byte[in.remaining() - padding];
        in.get(payload);
        return new RtpPacket((second & 0x80) != 0, second & 0x7F, sequence, timestamp, ssrc, List.of(csrcs),
                extension, payload, padding);
    }
}
