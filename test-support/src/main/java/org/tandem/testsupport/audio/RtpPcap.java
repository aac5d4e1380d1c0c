package org.tandem.testsupport.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pcap file of RTP packets for SIPp's {@code play_pcap_audio}: 20 ms of PCMU (payload type 0) per packet,
 * in Ethernet, IPv4 and UDP headers, 20 ms apart. SIPp sends each packet's UDP payload to the address the
 * callee's SDP gave, from the scenario's media port, at the pace the capture's times give.
 */
public final class RtpPcap {

    private static final int FRAME_SAMPLES = 160;
    private static final int RTP_HEADER = 12;
    private static final int UDP_HEADER = 8;
    private static final int IP_HEADER = 20;
    private static final int ETHERNET_HEADER = 14;

    private RtpPcap() {
    }

    /** Writes {@code samples} (8 kHz linear) as PCMU RTP packets into {@code pcap}; a last partial frame is dropped. */
    public static Path write(Path pcap, short[] samples) throws IOException {
        int frames = samples.length / FRAME_SAMPLES;
        int payload = RTP_HEADER + FRAME_SAMPLES;
        int packet = ETHERNET_HEADER + IP_HEADER + UDP_HEADER + payload;
        ByteBuffer out = ByteBuffer.allocate(24 + frames * (16 + packet)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int frame = 0; frame < frames; frame++) {
            long micros = frame * 20_000L;
            out.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(packet).putInt(packet);
            out.order(ByteOrder.BIG_ENDIAN);
            out.put(new byte[]{0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
            int ipStart = out.position();
            out.put((byte) 0x45).put((byte) 0).putShort((short) (IP_HEADER + UDP_HEADER + payload))
                    .putShort((short) frame).putShort((short) 0).put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(new byte[]{127, 0, 0, 1}).put(new byte[]{127, 0, 0, 1});
            out.putShort(ipStart + 10, checksum(out.array(), ipStart, IP_HEADER));
            out.putShort((short) 6000).putShort((short) 6002).putShort((short) (UDP_HEADER + payload)).putShort((short) 0);
            out.put((byte) 0x80).put((byte) (frame == 0 ? 0x80 : 0)).putShort((short) frame)
                    .putInt(frame * FRAME_SAMPLES).putInt(0x7a4d0001);
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                out.put(muLaw(samples[frame * FRAME_SAMPLES + i]));
            }
        }
        Files.write(pcap, out.array());
        return pcap;
    }

    /** The IPv4 header checksum (RFC 791). */
    private static short checksum(byte[] bytes, int from, int length) {
        int sum = 0;
        for (int i = from; i < from + length; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }

    /** G.711 u-law of one sample (ITU-T G.711), so the test needs nothing of the code under test. */
    private static byte muLaw(short linear) {
        int sign = linear < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs((int) linear), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
