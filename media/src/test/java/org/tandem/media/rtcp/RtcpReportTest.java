package org.tandem.media.rtcp;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RtcpReportTest {

    @Test
    void aSenderReportWithABlockSurvivesWriteAndReadAndCarriesTheCname() {
        ReportBlock block = new ReportBlock(0xCAFEBABEL, 25, -3, 0x1_0005L, 42, 0x12345678L, 65536);
        RtcpReport sent = new RtcpReport(0xDEADBEEFL,
                Optional.of(new RtcpReport.SenderInfo(0xE000_0000_8000_0000L, 160_000, 250, 40_000)), List.of(block));

        byte[] wire = sent.toBytes("tandem@127.0.0.1");

        assertThat(wire.length % 4).isZero();
        assertThat(wire[1] & 0xFF).isEqualTo(200);
        assertThat(new String(wire, 52 + 10, 16, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("tandem@127.0.0.1");
        assertThat(RtcpReport.read(ByteBuffer.wrap(wire), 1472)).contains(sent);
    }

    @Test
    void readsAReceiverReportFromAnotherStack() {
        // RR from SSRC 0x11223344, one block: SSRC 0x55667788, 10/256 lost, 7 in all, seq 0x00010203,
        // jitter 9, LSR 0, DLSR 0; then an SDES and a BYE, read past
        byte[] wire = HexFormat.of().parseHex("81c90007" + "11223344" + "55667788" + "0a000007" + "00010203"
                + "00000009" + "00000000" + "00000000" + "81ca0003" + "11223344" + "01036162" + "63000000"
                + "81cb0001" + "11223344");

        assertThat(RtcpReport.read(ByteBuffer.wrap(wire), 1472)).contains(new RtcpReport(0x11223344L,
                Optional.empty(), List.of(new ReportBlock(0x55667788L, 10, 7, 0x00010203L, 9, 0, 0))));
    }

    @Test
    void refusesWhatIsNotACompoundReport() {
        // an SDES first, a length past the end, version 1, a block count the length cannot hold, too short
        assertThat(read("81ca0001" + "11223344")).isEmpty();
        assertThat(read("80c90005" + "11223344")).isEmpty();
        assertThat(read("40c90001" + "11223344")).isEmpty();
        assertThat(read("81c90001" + "11223344")).isEmpty();
        assertThat(read("80c9")).isEmpty();
        assertThat(read("80c90001" + "11223344")).isPresent();
        Random random = new Random(3550);
        for (int i = 0; i < 50_000; i++) {
            byte[] noise = new byte[random.nextInt(80)];
            random.nextBytes(noise);
            RtcpReport.read(ByteBuffer.wrap(noise), 1472);
        }
    }

    @Test
    void countsLossAndJitterAsAppendixASays() {
        ReceptionStatistics statistics = new ReceptionStatistics();
        // sequence numbers across the wrap, 65534 .. 65535, 0 .. 17, with 3 lost; steady arrival: no jitter
        int sent = 0;
        for (int i = 0; i < 20; i++) {
            int sequence = (65534 + i) & 0xFFFF;
            if (i != 4 && i != 5 && i != 11) {
                statistics.received(9, sequence, i * 160L, 1_000_000 + i * 160L);
                sent++;
            }
        }
        ReportBlock block = statistics.reportBlock(0);

        assertThat(sent).isEqualTo(17);
        assertThat(block.ssrc()).isEqualTo(9);
        assertThat(block.highestSequence()).isEqualTo(0x1_0000L + 17);
        assertThat(block.cumulativeLost()).isEqualTo(3);
        assertThat(block.fractionLost()).isEqualTo(3 * 256 / 20);
        assertThat(block.jitter()).isZero();
        // nothing new since: no fraction lost in the next report
        assertThat(statistics.reportBlock(0).fractionLost()).isZero();

        // a packet 80 samples late moves the jitter by 80/16
        statistics.received(9, 18, 20 * 160L, 1_000_000 + 20 * 160L + 80);
        assertThat(statistics.reportBlock(0).jitter()).isEqualTo(5);
    }

    private static Optional<RtcpReport> read(String hex) {
        return RtcpReport.read(ByteBuffer.wrap(HexFormat.of().parseHex(hex)), 1472);
    }
}
