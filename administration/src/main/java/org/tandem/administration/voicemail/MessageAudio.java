package org.tandem.administration.voicemail;

import java.io.InputStream;

/**
 * A message's recording to stream to its listener, who closes it.
 *
 * @param fileName what a download is called: the message's id and .wav
 * @param size     its length in bytes (the recording is written once, whole, so it does not change)
 */
public record MessageAudio(String fileName, long size, InputStream content) implements AutoCloseable {

    public static final String MEDIA_TYPE = "audio/wav";

    @Override
    public void close() throws java.io.IOException {
        content.close();
    }
}
