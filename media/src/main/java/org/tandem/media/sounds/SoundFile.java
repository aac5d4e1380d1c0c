package org.tandem.media.sounds;

import org.tandem.media.codec.G711;
import org.tandem.media.playback.Prompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One sound file read into memory, in both laws, so that no call encodes while it plays. */
record SoundFile(Prompt muLaw, Prompt aLaw) {

    /**
     * Reads an 8 kHz 16-bit mono PCM WAV of at most {@code maxBytes}; anything else is refused with an
     * {@link IOException} saying why in words. The size is checked before a byte is read, so a huge file
     * costs nothing.
     */
    static SoundFile read(Path wav, int maxBytes) throws IOException {
        long size = Files.size(wav);
        if (size > maxBytes) {
            throw new IOException(wav + " is " + size + " bytes, more than the " + maxBytes
                    + " a sound file may have (" + SoundSettings.MAX_FILE_BYTES_PROPERTY + ")");
        }
        short[] samples;
        try {
            samples = Prompt.readSamples(wav);
        } catch (RuntimeException brokenHeader) {
            // the JDK's WAV reader throws unchecked exceptions on some broken headers
            throw new IOException(wav + " is a broken WAV file (" + brokenHeader + ")", brokenHeader);
        }
        if (samples.length == 0) {
            throw new IOException(wav + " holds no audio");
        }
        return new SoundFile(Prompt.encode(G711.MU_LAW, samples), Prompt.encode(G711.A_LAW, samples));
    }

    Prompt in(G711 law) {
        return law == G711.MU_LAW ? muLaw : aLaw;
    }
}
