package org.tandem.testsupport.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Audio the media and call tests send and check: tones, the power of one frequency, WAV files read by the JDK. */
public final class TestAudio {

    public static final int SAMPLE_RATE = 8000;

    private TestAudio() {
    }

    /** A sine of {@code hertz} at {@code amplitude}, {@code samples} long, 8 kHz. */
    public static short[] tone(int hertz, int amplitude, int samples) {
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * i / SAMPLE_RATE));
        }
        return tone;
    }

    /** The power of one frequency in the samples (the Goertzel algorithm). */
    public static double goertzel(short[] samples, int hertz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / SAMPLE_RATE);
        double previous = 0;
        double beforePrevious = 0;
        for (short sample : samples) {
            double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }

    /** Reads a WAV with the JDK, checking it is 8 kHz 16-bit mono little-endian PCM. */
    public static short[] readWav(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            if (!format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED) || format.getSampleRate() != SAMPLE_RATE
                    || format.getSampleSizeInBits() != 16 || format.getChannels() != 1 || format.isBigEndian()) {
                throw new AssertionError(wav + " is not 8 kHz 16-bit mono little-endian PCM but " + format);
            }
            byte[] bytes = in.readAllBytes();
            if (in.getFrameLength() != bytes.length / 2) {
                throw new AssertionError(wav + " says " + in.getFrameLength() + " frames but holds " + bytes.length / 2);
            }
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return samples;
        }
    }
}
