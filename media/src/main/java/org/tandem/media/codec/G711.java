package org.tandem.media.codec;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two G.711 companding laws (ITU-T G.711), the only codecs the media engine speaks: every SIP phone
 * and trunk has them, and WebRTC browsers must (RFC 7874). A frame of 20 ms is 160 bytes at 8 kHz.
 * Decoding is a 256-entry table; encoding is the standard segment search (no table: it runs only when
 * audio is recorded from, or mixed into, linear samples).
 */
public enum G711 {

    /** PCMU, static RTP payload type 0 (RFC 3551). */
    MU_LAW("PCMU", 0) {
        @Override
        public byte encode(short linear) {
            int magnitude = linear;
            int sign = 0;
            if (magnitude < 0) {
                magnitude = -magnitude;
                sign = 0x80;
            }
            magnitude = Math.min(magnitude, MU_LAW_CLIP) + MU_LAW_BIAS;
            // the segment is the position of the highest bit above bit 7 (the bias guarantees bit 7 or higher)
            int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 7;
            int code = (segment << 4) | ((magnitude >> (segment + 3)) & 0x0F);
            // mu-law is sent inverted, so that silence is mostly one bits
            return (byte) ~(code | sign);
        }
    },

    /** PCMA, static RTP payload type 8 (RFC 3551). */
    A_LAW("PCMA", 8) {
        @Override
        public byte encode(short linear) {
            // A-law works on 13 bits; negative values are folded onto their ones' complement
            int value = linear >> 3;
            int sign = 0x80;
            if (value < 0) {
                value = -value - 1;
                sign = 0;
            }
            int code;
            if (value >= 0x1000) {
                code = 0x7F;
            } else if (value < 0x20) {
                code = value >> 1;
            } else {
                int segment = 31 - Integer.numberOfLeadingZeros(value) - 4;
                code = (segment << 4) | ((value >> segment) & 0x0F);
            }
            // even bits inverted (0x55), which keeps enough transitions on old lines
            return (byte) ((code | sign) ^ 0x55);
        }
    };

    /** Samples per second, and bytes per second, of either law. */
    public static final int SAMPLE_RATE = 8000;
    /** Bytes (and samples) in the 20 ms frame every leg sends and expects. */
    public static final int FRAME_BYTES = 160;

    private static final int MU_LAW_BIAS = 0x84;
    private static final int MU_LAW_CLIP = 32635;

    private final String encodingName;
    private final int payloadType;
    private final short[] decodeTable = new short[256];
    private final byte[] translationToOther = new byte[256];

    G711(String encodingName, int payloadType) {
        this.encodingName = encodingName;
        this.payloadType = payloadType;
    }

    static {
        for (int code = 0; code < 256; code++) {
            MU_LAW.decodeTable[code] = decodeMuLaw(code);
            A_LAW.decodeTable[code] = decodeALaw(code);
        }
        for (int code = 0; code < 256; code++) {
            MU_LAW.translationToOther[code] = A_LAW.encode(MU_LAW.decodeTable[code]);
            A_LAW.translationToOther[code] = MU_LAW.encode(A_LAW.decodeTable[code]);
        }
    }

    /** The name in SDP's a=rtpmap ("PCMU", "PCMA"). */
    public String encodingName() {
        return encodingName;
    }

    /** The static RTP payload type (0 or 8). */
    public int payloadType() {
        return payloadType;
    }

    /** The code for one 16-bit linear sample. */
    public abstract byte encode(short linear);

    /** The 16-bit linear sample a code stands for. */
    public short decode(byte code) {
        return decodeTable[code & 0xFF];
    }

    /** The silence code: what a gap in a recording or an idle sender is filled with. */
    public byte silence() {
        return encode((short) 0);
    }

    /** Encodes {@code count} samples of {@code linear} from {@code from} into {@code codes} at {@code to}. */
    public void encode(short[] linear, int from, byte[] codes, int to, int count) {
        for (int i = 0; i < count; i++) {
            codes[to + i] = encode(linear[from + i]);
        }
    }

    /**
     * The code of {@code other} nearest to this law's {@code code}, by a 256-entry table: a prompt kept in
     * one law played on a leg that negotiated the other.
     */
    public byte translate(byte code, G711 other) {
        return other == this ? code : translationToOther[code & 0xFF];
    }

    /** The law an RTP payload type stands for, if it is 0 or 8. */
    public static Optional<G711> forPayloadType(int payloadType) {
        return Arrays.stream(values()).filter(law -> law.payloadType == payloadType).findFirst();
    }

    /** The law SDP's encoding name stands for (case-insensitive, RFC 4566), if any. */
    public static Optional<G711> forEncodingName(String name) {
        return Arrays.stream(values()).filter(law -> law.encodingName.equalsIgnoreCase(name)).findFirst();
    }

    private static short decodeMuLaw(int code) {
        int inverted = ~code & 0xFF;
        int magnitude = (((inverted & 0x0F) << 3) + MU_LAW_BIAS) << ((inverted & 0x70) >> 4);
        return (short) ((inverted & 0x80) != 0 ? MU_LAW_BIAS - magnitude : magnitude - MU_LAW_BIAS);
    }

    private static short decodeALaw(int code) {
        int value = (code ^ 0x55) & 0xFF;
        int mantissa = (value & 0x0F) << 4;
        int segment = (value & 0x70) >> 4;
        int magnitude = switch (segment) {
            case 0 -> mantissa + 8;
            case 1 -> mantissa + 0x108;
            default -> (mantissa + 0x108) << (segment - 1);
        };
        return (short) ((value & 0x80) != 0 ? magnitude : -magnitude);
    }
}
