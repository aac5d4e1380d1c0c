package org.tandem.media.sounds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.media.codec.G711;
import org.tandem.media.endpoint.MediaEngine;
import org.tandem.media.endpoint.MediaLeg;
import org.tandem.media.endpoint.MediaSettings;
import org.tandem.media.endpoint.Opening;
import org.tandem.media.playback.Prompt;
import org.tandem.media.playback.Source;
import org.tandem.media.rtp.PortRange;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tracks Debian's asterisk-moh-opsound-wav installs (./tandem test installs the package). */
class MusicOnHoldTest {

    @TempDir
    Path folder;

    @Test
    void playsThePackagedTracksInTurnAsOneStreamEveryHeldCallHearsInStep() throws Exception {
        MusicOnHold music = MusicOnHold.load(SoundSettings.DEFAULT);
        assertThat(music.tracks()).extracting(track -> track.getFileName().toString()).containsExactly(
                "macroform-cold_day.wav", "macroform-robot_dity.wav", "macroform-the_simplicity.wav",
                "manolo_camp-morning_coffee.wav", "reno_project-system.wav");

        Source stream = music.stream(G711.MU_LAW);
        assertThat(music.stream(G711.MU_LAW)).isSameAs(stream);
        // two legs, one on hold for a minute, one just put on hold, hear the same frame at one tick
        long tick = 123_456;
        assertThat(stream.frame(3000, tick)).isSameAs(stream.frame(0, tick));

        // the second track follows the first, and the last loops back to the first
        Prompt first = Prompt.readWav(music.tracks().get(0), G711.MU_LAW);
        Prompt second = Prompt.readWav(music.tracks().get(1), G711.MU_LAW);
        assertThat(stream.frame(0, first.frameCount())).isEqualTo(second.frame(0));
        long total = 0;
        for (Path track : music.tracks()) {
            total += Prompt.readWav(track, G711.MU_LAW).frameCount();
        }
        assertThat(stream.frame(0, total)).isSameAs(stream.frame(0, 0)).isEqualTo(first.frame(0));
        // about 19 minutes of music in all
        assertThat(total * 20 / 1000 / 60).isBetween(15L, 25L);
        assertThat(music.stream(G711.A_LAW).frame(0, 500)).isEqualTo(Prompt.readWav(music.tracks().get(0), G711.A_LAW).frame(500));
    }

    @Test
    void twoHeldCallsOnRealLegsHearTheSameFrameAtEachTick() throws Exception {
        MusicOnHold music = MusicOnHold.load(SoundSettings.DEFAULT);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (MediaEngine engine = new MediaEngine(new MediaSettings(new PortRange(42100, 42109), 1472, 8192, 200, 60, 8), loopback);
             DatagramSocket firstPhone = new DatagramSocket(0, loopback);
             DatagramSocket secondPhone = new DatagramSocket(0, loopback)) {
            MediaLeg first = held(engine, firstPhone);
            first.play(music.stream(G711.MU_LAW));
            Thread.sleep(300);
            MediaLeg second = held(engine, secondPhone);
            second.play(music.stream(G711.MU_LAW));

            List<byte[]> firstHeard = payloads(firstPhone, 150);
            List<byte[]> secondHeard = payloads(secondPhone, 60);
            // the second call's frames, past the ones sent before it played, are the first call's at the same ticks
            List<byte[]> window = secondHeard.subList(10, 60);
            Set<String> distinct = new HashSet<>();
            window.forEach(frame -> distinct.add(Arrays.toString(frame)));
            assertThat(distinct).as("music, not silence").hasSizeGreaterThan(20);
            int offset = -1;
            for (int start = 0; start + window.size() <= firstHeard.size() && offset < 0; start++) {
                boolean same = true;
                for (int i = 0; i < window.size() && same; i++) {
                    same = Arrays.equals(window.get(i), firstHeard.get(start + i));
                }
                offset = same ? start : -1;
            }
            // the first call had been hearing the music for about 15 ticks when the second joined where it was
            assertThat(offset - 10).as("ticks the first call heard before the second").isBetween(5, 60);
            first.close();
            second.close();
        }
    }

    /** A leg to a phone that offered PCMU from {@code phone}. */
    private static MediaLeg held(MediaEngine engine, DatagramSocket phone) throws Exception {
        String offer = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + phone.getLocalPort() + " RTP/AVP 0\r\n";
        return ((Opening.Opened) engine.answer(engine.parse(offer))).leg();
    }

    /** The next {@code count} RTP payloads the phone receives (12-byte headers, as the engine sends). */
    private static List<byte[]> payloads(DatagramSocket phone, int count) throws Exception {
        phone.setSoTimeout(5000);
        List<byte[]> payloads = new ArrayList<>();
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        while (payloads.size() < count) {
            phone.receive(packet);
            payloads.add(Arrays.copyOfRange(packet.getData(), 12, packet.getLength()));
        }
        return payloads;
    }

    @Test
    void leavesOutATrackItCannotPlayAndRefusesMusicWithNone() throws Exception {
        Path good = PromptLibraryTest.writeTone(folder.resolve("a.wav"), 8000, 440);
        Path bad = Files.writeString(folder.resolve("b.wav"), "<html>not music</html>");
        MusicOnHold music = MusicOnHold.playlist(List.of(good, bad), 1 << 20);
        assertThat(music.tracks()).containsExactly(good);

        assertThatThrownBy(() -> MusicOnHold.playlist(List.of(bad), 1 << 20)).isInstanceOf(IllegalStateException.class)
                .hasMessage("no music on hold to play among [" + bad + "]: [" + bad + " is not a WAV file this node reads]");
        assertThatThrownBy(() -> MusicOnHold.load(new SoundSettings(folder, folder.resolve("none"), 1 << 20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("install Debian's asterisk-moh-opsound-wav");
    }
}
