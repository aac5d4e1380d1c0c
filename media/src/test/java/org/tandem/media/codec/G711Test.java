package org.tandem.media.codec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each law against the JDK's own G.711 conversion (javax.sound.sampled), over every input it can take.
 * The JDK's encoders leave G.711 (ITU-T G.191's reference code) in two places, and there the expected
 * code is the JDK's for the input on which its arithmetic agrees with the standard:
 * <ul>
 * <li>mu-law: the JDK adds the bias in a {@code short} without clipping first, so a sample louder than
 * 32635 wraps round and comes out near silence; G.711 clips it to 32635.</li>
 * <li>A-law: for a negative sample the JDK takes {@code -x - 8} where the standard takes {@code -x - 1}
 * (the ones' complement), so the standard's code for {@code x} is the JDK's for {@code x - 7}.</li>
 * </ul>
 */
class G711Test {

    private static final int MU_LAW_CLIP = 32635;

    private static final AudioFormat LINEAR = new AudioFormat(Encoding.PCM_SIGNED, 8000, 16, 1, 2, 8000, true);

    @ParameterizedTest
    @EnumSource(G711.class)
    void encodesEveryLinearValueAsTheJdkDoes(G711 law) throws IOException {
        byte[] linear = new byte[65536 * 2];
        for (int value = Short.MIN_VALUE; value <= Short.MAX_VALUE; value++) {
            int at = (value - Short.MIN_VALUE) * 2;
            linear[at] = (byte) (value >> 8);
            linear[at + 1] = (byte) value;
        }
        byte[] expected = convert(new AudioInputStream(new ByteArrayInputStream(linear), LINEAR, 65536),
                jdkEncoding(law));

        assertThat(expected).hasSize(65536);
        for (int value = Short.MIN_VALUE; value <= Short.MAX_VALUE; value++) {
            byte code = law.encode((short) value);
            byte jdk = expected[whereTheJdkAgrees(law, value) - Short.MIN_VALUE];
            if (code != jdk) {
                assertThat(code).as("%s code of %d", law, value).isEqualTo(jdk);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void decodesEveryCodeAsTheJdkDoes(G711 law) throws IOException {
        byte[] codes = new byte[256];
        for (int code = 0; code < 256; code++) {
            codes[code] = (byte) code;
        }
        AudioFormat companded = new AudioFormat(jdkEncoding(law), 8000, 8, 1, 1, 8000, true);
        byte[] linear = convert(new AudioInputStream(new ByteArrayInputStream(codes), companded, 256),
                Encoding.PCM_SIGNED);

        assertThat(linear).hasSize(512);
        for (int code = 0; code < 256; code++) {
            short expected = (short) ((linear[code * 2] << 8) | (linear[code * 2 + 1] & 0xFF));
            assertThat(law.decode((byte) code)).as("%s value of code %d", law, code).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void silenceDecodesToZeroAndSurvivesARoundTrip(G711 law) {
        // A-law has no zero: its quietest codes stand for -8 and +8
        assertThat(law.decode(law.silence())).isBetween((short) 0, (short) 8);
        for (int code = 0; code < 256; code++) {
            assertThat(law.encode(law.decode((byte) code))).as("%s code %d", law, code)
                    .isEqualTo(canonical(law, (byte) code));
        }
    }

    private static int whereTheJdkAgrees(G711 law, int value) {
        if (law == G711.MU_LAW) {
            return Math.clamp(value, -MU_LAW_CLIP, MU_LAW_CLIP);
        }
        return value < 0 ? Math.max(value - 7, Short.MIN_VALUE) : value;
    }

    /** Mu-law has two codes for zero (0x7F, 0xFF); encoding gives back the positive one. */
    private static byte canonical(G711 law, byte code) {
        return law == G711.MU_LAW && code == 0x7F ? (byte) 0xFF : code;
    }

    private static Encoding jdkEncoding(G711 law) {
        return law == G711.MU_LAW ? Encoding.ULAW : Encoding.ALAW;
    }

    private static byte[] convert(AudioInputStream source, Encoding target) throws IOException {
        try (AudioInputStream converted = AudioSystem.getAudioInputStream(target, source)) {
            return converted.readAllBytes();
        }
    }
}
