package org.tandem.media.sounds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.media.codec.G711;
import org.tandem.media.playback.Prompt;
import org.tandem.media.playback.Source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
