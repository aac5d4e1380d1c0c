package org.tandem.media.playback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.media.codec.G711;
import org.tandem.media.recording.WavWriter;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptTest {

    @TempDir
    Path folder;

    @Test
    void playsOnceLoopedOrInStepWithThePacer() {
        short[] samples = new short[2 * 160 + 10];
        samples[0] = 1000;
        samples[160] = 2000;
        samples[320] = 3000;
        Prompt prompt = Prompt.encode(G711.MU_LAW, samples);

        assertThat(prompt.frameCount()).isEqualTo(3);
        // the last partial frame is padded with silence
        assertThat(prompt.once().frame(2, 0)[10]).isEqualTo(G711.MU_LAW.silence());
        assertThat(prompt.once().frame(3, 0)).isNull();
        assertThat(prompt.looped().frame(3, 0)).isSameAs(prompt.looped().frame(0, 99));
        // two legs that started at different times hear the same frame of a shared stream at one tick
        Source music = prompt.shared();
        assertThat(music.frame(0, 7)).isSameAs(music.frame(250, 7)).isSameAs(prompt.once().frame(1, 0));
    }

    @Test
    void readsWhatTheRecorderWritesAndRefusesOtherAudio() throws Exception {
        Path wav = folder.resolve("greeting.wav");
        try (WavWriter writer = new WavWriter(wav)) {
            for (int i = 0; i < 800; i++) {
                writer.write((short) (i * 10));
            }
        }
        Prompt greeting = Prompt.readWav(wav, G711.A_LAW);
        assertThat(greeting.frameCount()).isEqualTo(5);
        assertThat(G711.A_LAW.decode(greeting.once().frame(4, 0)[159])).isCloseTo((short) 7990, org.assertj.core.data.Offset.offset((short) 130));

        Path wideband = folder.resolve("wideband.wav");
        AudioFormat format = new AudioFormat(16000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[3200]), format, 1600),
                AudioFileFormat.Type.WAVE, wideband.toFile());
        assertThatThrownBy(() -> Prompt.readWav(wideband, G711.A_LAW)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not 8 kHz 16-bit mono PCM");

        Path text = Files.writeString(folder.resolve("notes.wav"), "not audio at all");
        assertThatThrownBy(() -> Prompt.readWav(text, G711.A_LAW)).isInstanceOf(IOException.class)
                .hasMessageEndingWith("is not a WAV file this node reads");
    }
}
