package org.tandem.media.recording;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.testsupport.audio.TestAudio;
import org.tandem.media.codec.G711;
import org.tandem.media.receive.Receiver;
import org.tandem.media.rtp.RtpDatagram;
import org.tandem.media.rtp.RtpPacket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecorderTest {

    private static final int FRAMES = 250;
    private static final int FRAME = G711.FRAME_BYTES;
    /** Near the 32-bit wrap, so the stream crosses it. */
    private static final long FIRST_TIMESTAMP = 0xFFFF_FFFFL - 50 * FRAME;

    @TempDir
    Path folder;

    @Test
    void aToneSentOverUdpWithLossReorderingAndDuplicatesIsRecordedInPlace() throws Exception {
        G711 law = G711.MU_LAW;
        byte[][] frames = toneFrames(law, 1000, FRAMES);
        Random random = new Random(4733);
        // 5 % lost, never the first or last (they fix the recording's length)
        Set<Integer> lost = new TreeSet<>();
        while (lost.size() < FRAMES / 20) {
            lost.add(1 + random.nextInt(FRAMES - 2));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            if (!lost.contains(i)) {
                order.add(i);
            }
        }
        // neighbours swapped, one frame three places late, and the first swapped with the second
        for (int at = 10; at < order.size() - 2; at += 23) {
            Collections.swap(order, at, at + 1);
        }
        order.add(103, order.remove(100));
        Collections.swap(order, 0, 1);
        List<Integer> sent = new ArrayList<>(order);
        sent.add(60, order.get(55));
        sent.add(120, order.get(119));

        Path wav = folder.resolve("tone.wav");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        AtomicInteger taken = new AtomicInteger();
        try (DatagramChannel leg = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
             DatagramChannel phone = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
             Recorder recorder = new Recorder(wav, law, 200, 60);
             Receiver receiver = new Receiver(1472, (channel, failure) -> { })) {
            receiver.add(leg, (datagram, source) -> {
                try {
                    if (RtpDatagram.read(datagram, 1472) instanceof RtpPacket packet) {
                        recorder.accept(packet);
                    }
                } catch (IOException failed) {
                    throw new IllegalStateException(failed);
                }
                taken.incrementAndGet();
            });
            Thread.sleep(50);
            for (int i : sent) {
                RtpPacket packet = RtpPacket.audio(i == 0, law.payloadType(), (60000 + i) & 0xFFFF,
                        (FIRST_TIMESTAMP + (long) i * FRAME) & 0xFFFF_FFFFL, 0x1234, frames[i]);
                phone.send(ByteBuffer.wrap(packet.toBytes()), leg.getLocalAddress());
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (taken.get() < sent.size() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(taken.get()).isEqualTo(sent.size());
            receiver.remove(leg);
            recorder.close();
            assertThat(recorder.counts().duplicates()).isEqualTo(2);
            assertThat(recorder.counts().late()).isZero();
            assertThat(recorder.counts().silenceSamples()).isEqualTo((long) lost.size() * FRAME);
        }

        short[] samples = TestAudio.readWav(wav);
        assertThat(samples).hasSize(FRAMES * FRAME);
        for (int i = 0; i < FRAMES; i++) {
            for (int s = 0; s < FRAME; s++) {
                short expected = lost.contains(i) ? 0 : law.decode(frames[i][s]);
                if (samples[i * FRAME + s] != expected) {
                    assertThat(samples[i * FRAME + s]).as("sample %d of frame %d", s, i).isEqualTo(expected);
                }
            }
        }
        double tone = TestAudio.goertzel(samples, 1000);
        assertThat(tone).isGreaterThan(100 * TestAudio.goertzel(samples, 1500)).isGreaterThan(100 * TestAudio.goertzel(samples, 700));
    }

    @Test
    void lateFramesAreDroppedANewStreamGoesOnAndAJumpStopsAtTheLongestLength() throws Exception {
        G711 law = G711.A_LAW;
        byte[][] frames = toneFrames(law, 440, 40);
        Path wav = folder.resolve("edges.wav");
        try (Recorder recorder = new Recorder(wav, law, 100, 3)) {
            for (int i = 0; i < 20; i++) {
                if (i != 5) {
                    recorder.accept(RtpPacket.audio(false, 8, i, 1000 + i * FRAME, 1, frames[i]));
                }
            }
            // frame 5 comes 300 ms late: its place is silence already
            recorder.accept(RtpPacket.audio(false, 8, 5, 1000 + 5 * FRAME, 1, frames[5]));
            assertThat(recorder.counts().late()).isEqualTo(1);

            // a new SSRC, its timestamps anywhere: it goes on where the first stream stopped
            for (int i = 20; i < 30; i++) {
                recorder.accept(RtpPacket.audio(false, 8, i, 777_777 + i * FRAME, 2, frames[i]));
            }
            // a jump of half the timestamp space writes silence only up to the longest length (3 s)
            recorder.accept(RtpPacket.audio(false, 8, 31, 777_777 + 0x7FFF_0000L, 2, frames[31]));
            recorder.accept(RtpPacket.audio(false, 8, 32, 777_777 + 0x7FFF_0000L + 5 * FRAME, 2, frames[32]));
            recorder.close();
            assertThat(recorder.counts().newStreams()).isEqualTo(1);
            assertThat(recorder.counts().truncated()).isTrue();
        }
        short[] samples = TestAudio.readWav(wav);
        assertThat(samples).hasSize(3 * 8000);
        assertThat(samples[5 * FRAME + 10]).isZero();
        assertThat(samples[20 * FRAME + 10]).isEqualTo(law.decode(frames[20][10]));
        assertThat(samples[29 * FRAME + 159]).isEqualTo(law.decode(frames[29][159]));
        assertThat(samples[30 * FRAME]).isZero();
    }

    @Test
    void aSenderPackingTheWindowWithTinyPacketsHoldsNoMoreThanAFewFrames() throws Exception {
        try (Recorder recorder = new Recorder(folder.resolve("flood.wav"), G711.MU_LAW, 200, 60)) {
            // one-sample packets, every timestamp of a 200 ms window, newest first so none is ever due
            for (int i = 0; i < 1600; i++) {
                recorder.accept(RtpPacket.audio(false, 0, i, 100_000 - i, 1, new byte[]{(byte) 0xFF}));
                assertThat(recorder.held()).isLessThanOrEqualTo(200 * 8 / 80 + 4);
            }
        }
    }

    /** A sine of {@code hertz} at half scale, cut into 20 ms frames and encoded. */
    static byte[][] toneFrames(G711 law, int hertz, int count) {
        short[] tone = TestAudio.tone(hertz, 16000, count * FRAME);
        byte[][] frames = new byte[count][FRAME];
        for (int i = 0; i < count; i++) {
            law.encode(tone, i * FRAME, frames[i], 0, FRAME);
        }
        return frames;
    }
}
