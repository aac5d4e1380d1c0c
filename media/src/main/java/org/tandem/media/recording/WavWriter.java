package org.tandem.media.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes 8 kHz 16-bit mono PCM WAV, the format prompts and voicemail are kept in (a browser and a mail
 * client play it). The sizes in the header are written at close, once known.
 */
public final class WavWriter implements AutoCloseable {

    static final int HEADER_BYTES = 44;
    private static final int SAMPLE_RATE = 8000;

    private final FileChannel file;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
    private long samples;

    /** Creates (or replaces) {@code path}. */
    public WavWriter(Path path) throws IOException {
        file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        file.position(HEADER_BYTES);
    }

    public void write(short sample) throws IOException {
        if (!buffer.hasRemaining()) {
            drain();
        }
        buffer.putShort(sample);
        samples++;
    }

    /** Samples written so far. */
    public long samples() {
        return samples;
    }

    @Override
    public void close() throws IOException {
        try (file) {
            drain();
            long dataBytes = samples * 2;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                    .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                    .putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2)
                    .putShort((short) 2).putShort((short) 16)
                    .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes).flip();
            file.write(header, 0);
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            file.write(buffer);
        }
        buffer.clear();
    }
}
