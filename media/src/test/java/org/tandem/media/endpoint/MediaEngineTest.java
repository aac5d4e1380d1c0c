package org.tandem.media.endpoint;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.testsupport.audio.TestAudio;
import org.tandem.media.codec.G711;
import org.tandem.media.dtmf.Digit;
import org.tandem.media.playback.Prompt;
import org.tandem.media.rtp.PortRange;
import org.tandem.media.rtp.RtpDatagram.Malformed;
import org.tandem.media.rtp.RtpPacket;
import org.tandem.media.sdp.Direction;
import org.tandem.media.sdp.InvalidSdpException;
import org.tandem.media.sdp.Negotiation;
import org.tandem.media.sdp.Negotiation.Agreed;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two media engines on loopback, one calling the other, as two nodes (or a node and a phone) would. */
class MediaEngineTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path folder;

    private MediaEngine caller;
    private MediaEngine callee;

    @BeforeEach
    void start() throws Exception {
        caller = new MediaEngine(new MediaSettings(new PortRange(42000, 42009), 1472, 8192, 200, 60, 8), LOOPBACK);
        callee = new MediaEngine(new MediaSettings(new PortRange(42010, 42019), 1472, 8192, 200, 60, 8), LOOPBACK);
    }

    @AfterEach
    void stop() throws Exception {
        caller.close();
        callee.close();
    }

    @Test
    void aCallsAudioGoesBothWaysIsRecordedAndDigitsArrive() throws Exception {
        MediaLeg calling = caller.offer();
        Opening opening = callee.answer(callee.parse(calling.localDescription().write()));
        MediaLeg answering = ((Opening.Opened) opening).leg();
        Negotiation settled = calling.answered(caller.parse(((Opening.Opened) opening).answer().write()));
        assertThat(settled).isInstanceOfSatisfying(Agreed.class, agreed -> {
            assertThat(agreed.codec()).isEqualTo(G711.MU_LAW);
            assertThat(agreed.remote()).isEqualTo(new InetSocketAddress(LOOPBACK, answering.rtpPort()));
        });

        // 1 kHz one way (a mu-law prompt), 600 Hz the other (an A-law one, translated to mu-law on the way)
        Prompt high = Prompt.encode(G711.MU_LAW, TestAudio.tone(1000, 12000, 8000));
        Prompt low = Prompt.encode(G711.A_LAW, TestAudio.tone(600, 12000, 8000));
        Path heardByCallee = folder.resolve("callee.wav");
        Path heardByCaller = folder.resolve("caller.wav");
        answering.startRecording(heardByCallee);
        calling.startRecording(heardByCaller);
        AtomicBoolean finished = new AtomicBoolean();
        calling.onPlayFinished(source -> finished.set(true));
        calling.play(high.once());
        answering.play(low.looped());
        await(finished::get);
        Thread.sleep(300);
        answering.stopPlaying();
        calling.stopRecording();
        answering.stopRecording();

        short[] callee1k = TestAudio.readWav(heardByCallee);
        assertThat(TestAudio.goertzel(callee1k, 1000)).isGreaterThan(50 * TestAudio.goertzel(callee1k, 600));
        short[] caller600 = TestAudio.readWav(heardByCaller);
        assertThat(TestAudio.goertzel(caller600, 600)).isGreaterThan(50 * TestAudio.goertzel(caller600, 1000));
        // the prompt's second, and the silence sent after it until the recording stopped
        assertThat(callee1k.length).isBetween(8000 + 2 * 160, 8000 + 40 * 160);

        Digit seven = new Digit('7', 0);
        assertThat(calling.sendDigit(seven, 120)).isTrue();
        await(() -> answering.digits().size() == 1);
        assertThat(answering.digits().take()).contains(new Digit('7', 120));

        calling.close();
        answering.close();
        assertThat(caller.legCount()).isZero();
        assertThat(callee.legCount()).isZero();
    }

    @Test
    void rtpFromAnywhereButTheNegotiatedAddressIsDroppedAndCounted() throws Exception {
        try (DatagramChannel phone = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
             DatagramChannel attacker = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            int phonePort = ((InetSocketAddress) phone.getLocalAddress()).getPort();
            String offer = """
                    v=0\r
                    o=phone 1 1 IN IP4 127.0.0.1\r
                    s=-\r
                    c=IN IP4 127.0.0.1\r
                    t=0 0\r
                    m=audio %d RTP/AVP 8 101\r
                    a=rtpmap:101 telephone-event/8000\r
                    """.formatted(phonePort);
            MediaLeg leg = ((Opening.Opened) callee.answer(callee.parse(offer))).leg();
            InetSocketAddress legAddress = new InetSocketAddress(LOOPBACK, leg.rtpPort());
            leg.startRecording(folder.resolve("voicemail.wav"));

            for (int i = 0; i < 5; i++) {
                attacker.send(ByteBuffer.wrap(RtpPacket.audio(false, 8, i, i * 160L, 99, new byte[160]).toBytes()), legAddress);
                phone.send(ByteBuffer.wrap(RtpPacket.audio(false, 8, i, i * 160L, 5, new byte[160]).toBytes()), legAddress);
            }
            phone.send(ByteBuffer.wrap(new byte[]{0, 1, 2}), legAddress);
            phone.send(ByteBuffer.wrap(new byte[2000]), legAddress);
            phone.send(ByteBuffer.wrap(RtpPacket.audio(false, 0, 9, 900, 5, new byte[160]).toBytes()), legAddress);
            await(() -> leg.dropped(LegDrop.UNNEGOTIATED_PAYLOAD) == 1);

            assertThat(leg.dropped(LegDrop.FOREIGN_SOURCE)).isEqualTo(5);
            assertThat(leg.packetsReceived()).isEqualTo(5);
            assertThat(leg.malformed(Malformed.TOO_SHORT)).isEqualTo(1);
            assertThat(leg.malformed(Malformed.TOO_LONG)).isEqualTo(1);
            assertThat(leg.stopRecording()).get().satisfies(counts -> assertThat(counts.duplicates()).isZero());
            assertThat(TestAudio.readWav(folder.resolve("voicemail.wav"))).hasSize(5 * 160);
            assertThat(leg.stopRecording()).isEmpty();

            // and the leg sends to the phone, A-law as the offer asked
            ByteBuffer datagram = ByteBuffer.allocate(2048);
            phone.receive(datagram);
            datagram.flip();
            assertThat(datagram.get(1) & 0x7F).isEqualTo(8);

            // a re-INVITE moves the phone's media to another port: the old one is foreign from then on
            try (DatagramChannel moved = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
                int movedPort = ((InetSocketAddress) moved.getLocalAddress()).getPort();
                assertThat(leg.answer(callee.parse(offer.replace("o=phone 1 1", "o=phone 1 2")
                        .replace("m=audio " + phonePort, "m=audio " + movedPort)))).isInstanceOf(Agreed.class);
                phone.send(ByteBuffer.wrap(RtpPacket.audio(false, 8, 10, 1600, 5, new byte[160]).toBytes()), legAddress);
                moved.send(ByteBuffer.wrap(RtpPacket.audio(false, 8, 10, 1600, 5, new byte[160]).toBytes()), legAddress);
                await(() -> leg.packetsReceived() == 6);
                assertThat(leg.dropped(LegDrop.FOREIGN_SOURCE)).isEqualTo(6);
            }
            leg.close();
        }
    }

    @Test
    void aRecordingThatCannotBeWrittenEndsAndSaysSoWhileTheCallGoesOn() throws Exception {
        MediaLeg calling = caller.offer();
        MediaLeg answering = answer(calling);
        // /dev/full: every write fails with "No space left on device", as on a full disk
        answering.startRecording(Path.of("/dev/full"));
        long before = answering.packetsReceived();
        // the recorder writes in blocks of 4096 samples: a second of audio has filled one
        await(() -> answering.packetsReceived() > before + 50);

        assertThatThrownBy(answering::stopRecording).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("No space left on device");
        long after = answering.packetsReceived();
        await(() -> answering.packetsReceived() > after + 5);
        assertThat(answering.stopRecording()).isEmpty();
    }

    @Test
    void holdStopsTheHeldSidesSendingAndResumeStartsIt() throws Exception {
        MediaLeg calling = caller.offer();
        MediaLeg answering = answer(calling);
        await(() -> answering.packetsSent() > 5);

        // the caller holds: it offers sendonly, the callee answers recvonly and goes quiet
        Negotiation held = answering.answer(callee.parse(calling.offer(Direction.SENDONLY).write()));
        assertThat(held).isInstanceOfSatisfying(Agreed.class,
                agreed -> assertThat(agreed.direction()).isEqualTo(Direction.RECVONLY));
        assertThat(answering.localDescription().write()).contains("a=recvonly");
        assertThat(calling.answered(caller.parse(answering.localDescription().write())))
                .isInstanceOfSatisfying(Agreed.class, agreed -> assertThat(agreed.direction()).isEqualTo(Direction.SENDONLY));
        Thread.sleep(60);
        long quiet = answering.packetsSent();
        Thread.sleep(200);
        assertThat(answering.packetsSent()).isEqualTo(quiet);
        assertThat(calling.localDescription().origin().sessionId())
                .isEqualTo(caller.parse(calling.localDescription().write()).origin().sessionId());

        answering.answer(callee.parse(calling.offer(Direction.SENDRECV).write()));
        calling.answered(caller.parse(answering.localDescription().write()));
        await(() -> answering.packetsSent() > quiet + 5);
    }

    @Test
    void bothSidesSendRtcpReportsEveryFiveSecondsAndReadEachOthers() throws Exception {
        MediaLeg calling = caller.offer();
        MediaLeg answering = answer(calling);

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
        while ((calling.lastReportReceived().isEmpty() || answering.lastReportReceived().isEmpty()
                || answering.lastReportReceived().get().blocks().isEmpty()) && System.nanoTime() < until) {
            Thread.sleep(50);
        }

        // both send RTP (silence, nothing is playing), so both send sender reports about each other
        var report = answering.lastReportReceived().orElseThrow();
        assertThat(report.sender()).get().satisfies(sender -> assertThat(sender.packets()).isPositive());
        assertThat(report.blocks()).singleElement()
                .satisfies(block -> assertThat(block.cumulativeLost()).isZero());
        assertThat(calling.lastReportReceived()).isPresent();
        assertThat(calling.reportsSent()).isBetween(1L, 3L);
        assertThat(answering.dropped(LegDrop.MALFORMED_RTCP)).isZero();
    }

    @Test
    void anOfferWithoutG711IsRefusedAndItsPortsGivenBack() throws InvalidSdpException, java.io.IOException {
        Opening opening = callee.answer(callee.parse(
                "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 9\r\n"));

        assertThat(opening).isEqualTo(new Opening.Refused("the offer's audio has neither PCMU nor PCMA"));
        assertThat(callee.legCount()).isZero();
    }

    @Test
    void settingsComeFromTheNodesProperties() {
        Properties properties = new Properties();
        assertThat(MediaSettings.fromProperties(properties)).isEqualTo(MediaSettings.DEFAULT);
        properties.setProperty("tandem.media.dtmf.queue.digits", "0");
        assertThatThrownBy(() -> MediaSettings.fromProperties(properties))
                .hasMessage("tandem.media.dtmf.queue.digits must be a positive whole number, not '0'");
    }

    /** The callee's leg answering the calling leg's offer, the answer taken by the calling leg. */
    private MediaLeg answer(MediaLeg calling) throws Exception {
        Opening.Opened opened = (Opening.Opened) callee.answer(callee.parse(calling.localDescription().write()));
        assertThat(calling.answered(caller.parse(opened.answer().write()))).isInstanceOf(Agreed.class);
        return opened.leg();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(until);
            Thread.sleep(10);
        }
    }
}
