package org.tandem.media.recording;

import org.tandem.media.codec.G711;
import org.tandem.media.rtp.RtpPacket;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records one direction of a leg's audio into a WAV file. No playout buffer is needed for a file: each
 * frame is placed by its RTP timestamp relative to the stream's start, frames that arrive out of order
 * within the reorder window are put back in order, a frame seen twice is written once, and what never
 * came is written as silence, so the file lasts as long as the call's audio did. A frame later than the
 * window is dropped (its place is already written, as silence). Not thread-safe: the receiver's thread
 * feeds it.
 */
public final class Recorder implements AutoCloseable {

    private final G711 law;
    private final long windowSamples;
    /**
     * Frames held at most: a window's worth of 10 ms packets (the shortest a phone sends) and a few
     * more. A sender that packs the window with tiny packets gets its earliest ones written early
     * instead of filling the heap.
     */
    private final int maxHeld;
    private final long maxSamples;
    private final WavWriter wav;
    private final TreeMap<Long, byte[]> pending = new TreeMap<>();
    private long duplicates;
    private long late;
    private long silenceSamples;
    private long newStreams;
    private boolean truncated;

    private boolean started;
    private boolean closed;
    private long ssrc;
    /** Where the current stream's first packet sits on the recording's timeline, in samples. */
    private long streamBase;
    private long streamFirstTimestamp;
    /** The last packet's timestamp relative to the stream's first, unwrapped past 32 bits. */
    private long lastOffset;
    /** The timeline's sample the file starts at (the earliest frame written); unknown until the first write. */
    private boolean originKnown;
    /** The timeline's sample up to which the file is written. */
    private long written;
    private long latest;

    /**
     * @param law          the negotiated codec
     * @param windowMillis how long a frame is held for an earlier one to arrive (TANDEM_MEDIA_RECORDING_REORDER_MILLIS)
     * @param maxSeconds   the longest recording; audio after it is not written (TANDEM_MEDIA_RECORDING_MAX_SECONDS)
     */
    public Recorder(Path file, G711 law, int windowMillis, int maxSeconds) throws IOException {
        this.law = law;
        this.windowSamples = (long) windowMillis * G711.SAMPLE_RATE / 1000;
        this.maxHeld = (int) (windowSamples / 80) + 4;
        this.maxSamples = (long) maxSeconds * G711.SAMPLE_RATE;
        this.wav = new WavWriter(file);
    }

    /** Takes one audio packet of the negotiated codec (the caller leaves out telephone events and the like). */
    public void accept(RtpPacket packet) throws IOException {
        if (closed || packet.payload().length == 0) {
            return;
        }
        if (!started || packet.ssrc() != ssrc) {
            startStream(packet);
        }
        // the signed 32-bit difference from the last packet: a wrap of the timestamp is a step forward
        lastOffset += (int) (packet.timestamp() - (streamFirstTimestamp + lastOffset));
        long at = streamBase + lastOffset;
        if (originKnown && at + packet.payload().length <= written) {
            late++;
            return;
        }
        if (pending.putIfAbsent(at, packet.payload()) != null) {
            duplicates++;
            return;
        }
        latest = Math.max(latest, at);
        flushBefore(latest - windowSamples);
        while (pending.size() > maxHeld) {
            Map.Entry<Long, byte[]> earliest = pending.pollFirstEntry();
            write(earliest.getKey(), earliest.getValue());
        }
    }

    /** Frames waiting for their place in the file. */
    int held() {
        return pending.size();
    }

    /** What was counted so far. */
    public RecordingCounts counts() {
        return new RecordingCounts(duplicates, late, silenceSamples, newStreams, truncated);
    }

    /** Writes what is still held and completes the file; later packets are ignored. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (wav) {
            flushBefore(Long.MAX_VALUE);
        }
    }

    /**
     * A new stream (the first, or a new SSRC after a re-INVITE): what the old one left is written, and the
     * new one goes on from the file's end.
     */
    private void startStream(RtpPacket packet) throws IOException {
        flushBefore(Long.MAX_VALUE);
        if (started) {
            newStreams++;
        }
        started = true;
        ssrc = packet.ssrc();
        streamBase = written;
        streamFirstTimestamp = packet.timestamp();
        lastOffset = 0;
        latest = streamBase;
    }

    private void flushBefore(long limit) throws IOException {
        while (!pending.isEmpty() && pending.firstKey() < limit) {
            Map.Entry<Long, byte[]> frame = pending.pollFirstEntry();
            write(frame.getKey(), frame.getValue());
        }
    }

    private void write(long timestamp, byte[] payload) throws IOException {
        if (!originKnown) {
            originKnown = true;
            written = timestamp;
        }
        long skip = Math.max(0, written - timestamp);
        for (long gap = timestamp - written; gap > 0 && room(); gap--) {
            wav.write((short) 0);
            silenceSamples++;
        }
        for (int i = (int) skip; i < payload.length && room(); i++) {
            wav.write(law.decode(payload[i]));
        }
        written = Math.max(written, timestamp + payload.length);
        if (!room()) {
            truncated = true;
        }
    }

    private boolean room() {
        return wav.samples() < maxSamples;
    }
}
