package org.tandem.media.sounds;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.tenant.PromptLanguage;
import org.tandem.testsupport.audio.TestAudio;
import org.tandem.media.codec.G711;
import org.tandem.media.playback.Prompt;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prompts Debian's asterisk-core-sounds-en-wav installs (./tandem test installs the package), and broken ones. */
class PromptLibraryTest {

    private static final PromptLanguage EN = PromptLanguage.ENGLISH;
    private static final PromptLanguage FR = new PromptLanguage("fr");
    private static final Path ENGLISH = SoundSettings.DEFAULT.promptsDirectory().resolve("en_US_f_Allison");

    private static PromptLibrary installed;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadTheInstalledSet() throws Exception {
        installed = PromptLibrary.load(SoundSettings.DEFAULT, Phrases.PROMPTS);
    }

    @Test
    void holdsEveryInstalledEnglishPromptWithItsLengthInBothLaws() throws Exception {
        List<Path> wavs;
        try (Stream<Path> walk = Files.walk(ENGLISH)) {
            wavs = walk.filter(file -> file.toString().endsWith(".wav")).sorted().toList();
        }
        assertThat(wavs).hasSizeGreaterThan(500);
        assertThat(installed.languages()).contains(EN);
        assertThat(installed.promptCount(EN)).isEqualTo(wavs.size());
        assertThat(installed.refused()).isEmpty();
        for (Path wav : wavs) {
            String name = ENGLISH.relativize(wav).toString().replaceFirst("\\.wav$", "");
            AudioFileFormat header = AudioSystem.getAudioFileFormat(wav.toFile());
            int frames = (int) ((header.getFrameLength() + G711.FRAME_BYTES - 1) / G711.FRAME_BYTES);
            assertThat(installed.prompt(name, EN, G711.MU_LAW).frameCount()).as(name).isEqualTo(frames);
            assertThat(installed.prompt(name, EN, G711.A_LAW).frameCount()).as(name).isEqualTo(frames);
        }
        // "three" is about 0.8 s of speech: the WAV's samples, encoded, not silence
        Prompt three = installed.prompt("digits/3", EN, G711.A_LAW);
        short[] samples = TestAudio.readWav(ENGLISH.resolve("digits/3.wav"));
        assertThat(three.frameCount()).isEqualTo((samples.length + 159) / 160).isBetween(20, 100);
        int loudest = 0;
        for (int frame = 0; frame < three.frameCount(); frame++) {
            for (byte code : three.frame(frame)) {
                loudest = Math.max(loudest, Math.abs(G711.A_LAW.decode(code)));
            }
        }
        assertThat(loudest).isGreaterThan(4000);
    }

    @Test
    void saysACountAsTheSequenceOfItsPrompts() {
        List<String> names = Phrases.messageCounts(3, 0);
        assertThat(names).containsExactly("vm-youhave", "digits/3", "vm-INBOX", "vm-messages");
        Prompt said = installed.say(names, EN, G711.MU_LAW);
        int at = 0;
        for (String name : names) {
            Prompt part = installed.prompt(name, EN, G711.MU_LAW);
            for (int frame = 0; frame < part.frameCount(); frame++) {
                assertThat(said.frame(at++)).as(name).isSameAs(part.frame(frame));
            }
        }
        assertThat(said.frameCount()).isEqualTo(at);
        // every prompt a phrase may name is in the set
        assertThat(Phrases.PROMPTS).allSatisfy(name -> assertThat(installed.prompt(name, EN, G711.A_LAW)).isNotNull());
    }

    @Test
    void aPromptALanguageLacksIsPlayedInEnglishAndAnUnknownOneIsRefused() throws Exception {
        Path sounds = folder.resolve("sounds");
        writeTone(sounds.resolve("en/hello.wav"), 8000, 400);
        writeTone(sounds.resolve("en/bye.wav"), 8000, 800);
        writeTone(sounds.resolve("fr_FR_f_Test/hello.wav"), 8000, 1200);
        Files.createDirectories(sounds.resolve("not-a-language"));
        PromptLibrary library = PromptLibrary.load(settings(sounds), Set.of("hello", "bye"));

        assertThat(library.languages()).containsExactly(EN, FR);
        assertThat(PromptLanguage.installedIn(sounds)).containsExactly(EN, FR);
        assertThat(library.prompt("hello", FR, G711.MU_LAW).frameCount()).isEqualTo(20);
        assertThat(library.prompt("hello", FR, G711.MU_LAW)).isNotSameAs(library.prompt("hello", EN, G711.MU_LAW));
        assertThat(library.prompt("bye", FR, G711.MU_LAW)).isSameAs(library.prompt("bye", EN, G711.MU_LAW));
        assertThat(library.prompt("bye", new PromptLanguage("de"), G711.MU_LAW)).isSameAs(library.prompt("bye", EN, G711.MU_LAW));
        assertThatThrownBy(() -> library.prompt("vm-nothing", FR, G711.MU_LAW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no prompt 'vm-nothing' in fr nor in English");
    }

    @Test
    void refusesAtStartUpASetWithoutEnglishOrWithoutAPromptTheNodeNeeds() throws Exception {
        Path sounds = folder.resolve("sounds");
        writeTone(sounds.resolve("fr/hello.wav"), 8000, 400);
        assertThatThrownBy(() -> PromptLibrary.load(settings(sounds), Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no English prompts in " + sounds + ": install Debian's asterisk-core-sounds-en-wav (./tandem run does as root)");

        writeTone(sounds.resolve("en/hello.wav"), 8000, 400);
        assertThatThrownBy(() -> PromptLibrary.load(settings(sounds), Set.of("hello", "digits/7")))
                .isInstanceOf(IllegalStateException.class).hasMessage("the English prompts in " + sounds + " lack digits/7");
        assertThatThrownBy(() -> PromptLibrary.load(settings(folder.resolve("absent")), Set.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist: install Debian's");
    }

    @Test
    void refusesInWordsAFileThatIsNotAudioIsNot8kHzOrIsHuge() throws Exception {
        Path sounds = folder.resolve("sounds");
        writeTone(sounds.resolve("en/hello.wav"), 8000, 400);
        Path text = Files.writeString(sounds.resolve("en/notes.wav"), "not audio at all");
        Path compactDisc = writeTone(sounds.resolve("en/cd.wav"), 44100, 400);
        Path huge = sounds.resolve("en/huge.wav");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(SoundSettings.DEFAULT.maxFileBytes() + 1L);
        }
        Path truncated = Files.write(sounds.resolve("en/truncated.wav"), new byte[]{'R', 'I', 'F', 'F', 1, 2});

        PromptLibrary library = PromptLibrary.load(settings(sounds), Set.of("hello"));
        assertThat(library.promptCount(EN)).isEqualTo(1);
        assertThat(library.refused()).containsOnlyKeys(text, compactDisc, huge, truncated);
        assertThat(library.refused().get(text)).isEqualTo(text + " is not a WAV file this node reads");
        assertThat(library.refused().get(compactDisc)).startsWith(compactDisc + " is not 8 kHz 16-bit mono PCM but PCM_SIGNED 44100.0 Hz");
        assertThat(library.refused().get(huge)).isEqualTo(huge + " is 16777217 bytes, more than the 16777216 a sound file may have (tandem.sounds.max.file.bytes)");
        assertThat(library.refused().get(truncated)).isEqualTo(truncated + " is not a WAV file this node reads");

        // a refused prompt the node needs stops the start, with the reason
        assertThatThrownBy(() -> PromptLibrary.load(settings(sounds), Set.of("hello", "cd")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lack cd; refused: ")
                .hasMessageContaining("is not 8 kHz 16-bit mono PCM");
    }

    /** The heap the whole English set takes in both laws (docs/performance.md). */
    @Test
    void theEnglishSetFitsInAFewTensOfMegabytes() throws Exception {
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        PromptLibrary library = PromptLibrary.load(SoundSettings.DEFAULT, Phrases.PROMPTS);
        long loaded = System.nanoTime();
        long bytes = usedHeapAfterGc() - before;
        MusicOnHold music = MusicOnHold.load(SoundSettings.DEFAULT);
        long musicBytes = usedHeapAfterGc() - before - bytes;
        System.out.printf("the English prompts (%d files) in both laws take %.1f MiB of heap, loaded in %d ms;"
                        + " the music (%d tracks) %.1f MiB%n", library.promptCount(EN), bytes / 1048576.0,
                (loaded - start) / 1_000_000, music.tracks().size(), musicBytes / 1048576.0);
        // 25 MB of 16-bit WAV is 12.5 MB per law; a frame's array header and reference add about 12 %
        assertThat(bytes).isBetween(20L << 20, 40L << 20);
        assertThat(musicBytes).isBetween(12L << 20, 30L << 20);
        assertThat(library.promptCount(EN)).isPositive();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private SoundSettings settings(Path sounds) {
        return new SoundSettings(sounds, folder.resolve("moh"), SoundSettings.DEFAULT.maxFileBytes());
    }

    /** A 0.4 s tone at {@code rate} Hz sampling, 16-bit mono. */
    static Path writeTone(Path wav, int rate, int hertz) throws Exception {
        Files.createDirectories(wav.getParent());
        short[] tone = TestAudio.tone(hertz, 8000, rate * 2 / 5);
        ByteBuffer bytes = ByteBuffer.allocate(tone.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(tone);
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, tone.length),
                AudioFileFormat.Type.WAVE, wav.toFile());
        return wav;
    }
}
