package org.tandem.media.rtp;

import org.junit.jupiter.api.Test;
import org.tandem.media.rtp.RtpDatagram.Malformed;
import org.tandem.media.rtp.RtpPacket.HeaderExtension;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RtpPacketTest {

    private static final int MAX = 1472;

    @Test
    void readsAPacketWrittenByHand() {
        // V=2 P=0 X=0 CC=0, M=1 PT=0, seq 0x1234, ts 0x89ABCDEF, SSRC 0xDEADBEEF, payload 3 bytes
        byte[] wire = HexFormat.of().parseHex("8080123489abcdefdeadbeef" + "7f00ff");

        RtpPacket packet = (RtpPacket) RtpDatagram.read(ByteBuffer.wrap(wire), MAX);

        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isZero();
        assertThat(packet.sequence()).isEqualTo(0x1234);
        assertThat(packet.timestamp()).isEqualTo(0x89ABCDEFL);
        assertThat(packet.ssrc()).isEqualTo(0xDEADBEEFL);
        assertThat(packet.payload()).containsExactly(0x7F, 0x00, 0xFF);
        assertThat(packet.toBytes()).isEqualTo(wire);
    }

    @Test
    void everyHeaderFieldSurvivesWriteAndRead() {
        RtpPacket sent = new RtpPacket(false, 101, 65535, 0xFFFF_FFFFL, 1L, List.of(7L, 0xFFFF_FFFEL),
                Optional.of(new HeaderExtension(0xBEDE, new byte[]{1, 2, 3, 4, 5, 6, 7, 8})), new byte[]{9, 8, 7}, 5);

        RtpPacket read = (RtpPacket) RtpDatagram.read(ByteBuffer.wrap(sent.toBytes()), MAX);

        assertThat(sent.toBytes()).hasSize(sent.length()).hasSize(12 + 8 + 12 + 3 + 5);
        assertThat(read.marker()).isFalse();
        assertThat(read.payloadType()).isEqualTo(101);
        assertThat(read.sequence()).isEqualTo(65535);
        assertThat(read.timestamp()).isEqualTo(0xFFFF_FFFFL);
        assertThat(read.csrcs()).containsExactly(7L, 0xFFFF_FFFEL);
        assertThat(read.extension()).get().satisfies(ext -> {
            assertThat(ext.profile()).isEqualTo(0xBEDE);
            assertThat(ext.data()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        });
        assertThat(read.payload()).containsExactly(9, 8, 7);
        assertThat(read.padding()).isEqualTo(5);
    }

    @Test
    void readsOnlyBetweenPositionAndLimit() {
        byte[] packet = RtpPacket.audio(false, 8, 1, 160, 42, new byte[160]).toBytes();
        ByteBuffer buffer = ByteBuffer.allocate(2000);
        buffer.put(packet).flip();

        assertThat(((RtpPacket) RtpDatagram.read(buffer, MAX)).payload()).hasSize(160);
        assertThat(buffer.position()).isZero();
    }

    @Test
    void refusesWhatIsNotRtp() {
        assertThat(read("8000123489abcdefdeadbe")).isEqualTo(Malformed.TOO_SHORT);
        assertThat(read("")).isEqualTo(Malformed.TOO_SHORT);
        // version 1, and version 0 (a STUN or ZRTP message starts with 00)
        assertThat(read("4000123489abcdefdeadbeef")).isEqualTo(Malformed.NOT_VERSION_2);
        assertThat(read("0001000089abcdefdeadbeef")).isEqualTo(Malformed.NOT_VERSION_2);
        // CC=2 but one CSRC
        assertThat(read("8200123489abcdefdeadbeef" + "00000001")).isEqualTo(Malformed.CSRC_OVERRUN);
        // X set, no room for the extension's own header; then a length of 2 words with one present
        assertThat(read("9000123489abcdefdeadbeef" + "bede")).isEqualTo(Malformed.EXTENSION_OVERRUN);
        assertThat(read("9000123489abcdefdeadbeef" + "bede0002" + "00000000")).isEqualTo(Malformed.EXTENSION_OVERRUN);
        // P set: a count of 0, and a count longer than the payload
        assertThat(read("a000123489abcdefdeadbeef" + "aabb00")).isEqualTo(Malformed.PADDING_OVERRUN);
        assertThat(read("a000123489abcdefdeadbeef" + "aabb04")).isEqualTo(Malformed.PADDING_OVERRUN);
        // P set with the header alone: the count would be the SSRC's last byte
        assertThat(read("a000123489abcdefdeadbe01")).isEqualTo(Malformed.PADDING_OVERRUN);
    }

    @Test
    void refusesADatagramOverTheLimitBeforeReadingIt() {
        byte[] packet = RtpPacket.audio(false, 0, 1, 160, 42, new byte[189]).toBytes();

        assertThat(RtpDatagram.read(ByteBuffer.wrap(packet), 200)).isEqualTo(Malformed.TOO_LONG);
        assertThat(RtpDatagram.read(ByteBuffer.wrap(packet), 201)).isInstanceOf(RtpPacket.class);
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            if (noise.length > 0 && random.nextBoolean()) {
                // version 2 half the time, so the later checks are reached too
                noise[0] = (byte) ((noise[0] & 0x3F) | 0x80);
            }
            RtpDatagram read = RtpDatagram.read(ByteBuffer.wrap(noise), MAX);
            if (read instanceof RtpPacket packet) {
                assertThat(packet.length()).isEqualTo(noise.length);
            }
        }
    }

    private static RtpDatagram read(String hex) {
        return RtpDatagram.read(ByteBuffer.wrap(HexFormat.of().parseHex(hex)), MAX);
    }
}
