package org.tandem.media.playback;

import org.tandem.media.codec.G711;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Audio cut into 20 ms frames of one law: a prompt, a greeting, a tone, a music track. Played from its
 * start once ({@link #once()}), over and over ({@link #looped()}), or as one stream many legs hear in step
 * ({@link #shared()}: music on hold, where a leg that starts listening joins wherever the music is).
 */
public final class Prompt {

    private final G711 law;
    private final List<byte[]> frames;

    private Prompt(G711 law, List<byte[]> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one frame");
        }
        this.law = law;
        this.frames = List.copyOf(frames);
    }

    /** Encodes 8 kHz linear samples; a last partial frame is padded with silence. */
    public static Prompt encode(G711 law, short[] samples) {
        int count = Math.max(1, (samples.length + G711.FRAME_BYTES - 1) / G711.FRAME_BYTES);
        byte[][] frames = new byte[count][G711.FRAME_BYTES];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(frames[i], law.silence());
            int length = Math.min(G711.FRAME_BYTES, samples.length - i * G711.FRAME_BYTES);
            law.encode(samples, i * G711.FRAME_BYTES, frames[i], 0, Math.max(0, length));
        }
        return new Prompt(law, List.of(frames));
    }

    /** Reads an 8 kHz 16-bit mono PCM WAV (the format of the prompts, greetings and recordings). */
    public static Prompt readWav(Path wav, G711 law) throws IOException {
        return encode(law, readSamples(wav));
    }

    /** Reads an 8 kHz 16-bit mono PCM WAV from {@code wav} (a file of the cluster's store), named {@code name} in errors. */
    public static Prompt readWav(InputStream wav, String name, G711 law) throws IOException {
        return encode(law, readSamples(wav, name));
    }

    /** The linear samples of an 8 kHz 16-bit mono PCM WAV, for a caller that encodes them in both laws. */
    public static short[] readSamples(Path wav) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(wav))) {
            return readSamples(in, wav.toString());
        }
    }

    private static short[] readSamples(InputStream wav, String name) throws IOException {
        // the JDK reads a WAV's header by mark and reset
        InputStream marked = wav.markSupported() ? wav : new BufferedInputStream(wav);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(marked)) {
            AudioFormat format = in.getFormat();
            if (!format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED) || format.getSampleRate() != 8000
                    || format.getSampleSizeInBits() != 16 || format.getChannels() != 1) {
                throw new IOException(name + " is not 8 kHz 16-bit mono PCM but " + format);
            }
            byte[] bytes = in.readAllBytes();
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer().get(samples);
            return samples;
        } catch (UnsupportedAudioFileException notAudio) {
            throw new IOException(name + " is not a WAV file this node reads", notAudio);
        }
    }

    /**
     * The prompts one after the other, as one prompt ("you have" "three" "new messages"). The frames are
     * shared with the parts, not copied.
     */
    public static Prompt join(List<Prompt> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a joined prompt needs at least one part");
        }
        G711 law = parts.getFirst().law;
        List<byte[]> frames = new ArrayList<>();
        for (Prompt part : parts) {
            if (part.law != law) {
                throw new IllegalArgumentException("cannot join prompts of " + law + " and " + part.law);
            }
            frames.addAll(part.frames);
        }
        return new Prompt(law, frames);
    }

    /** The frame at {@code index} (0 for the first 20 ms), for a source made of several prompts. */
    public byte[] frame(int index) {
        return frames.get(index);
    }

    public G711 law() {
        return law;
    }

    /** Frames of 20 ms. */
    public int frameCount() {
        return frames.size();
    }

    /** Played once from its start, then ended. */
    public Source once() {
        return new Played(law, (played, tick) -> played < frames.size() ? frames.get((int) played) : null);
    }

    /** Played from its start, again and again. */
    public Source looped() {
        return new Played(law, (played, tick) -> frames.get((int) (played % frames.size())));
    }

    /** One stream every leg hears in step: the frame is the pacer's, not the leg's. */
    public Source shared() {
        return new Played(law, (played, tick) -> frames.get((int) (tick % frames.size())));
    }

    private interface FramePicker {
        byte[] frame(long played, long tick);
    }

    private record Played(G711 law, FramePicker picker) implements Source {
        @Override
        public byte[] frame(long played, long tick) {
            return picker.frame(played, tick);
        }
    }
}
