package org.tandem.media.recording;

/** What a {@link Recorder} had to mend, for the leg's statistics and the tests. */
public final class RecordingCounts {

    long duplicates;
    long late;
    long silence;
    long streams;
    boolean truncated;

    /** Frames that came twice (written once). */
    public long duplicates() {
        return duplicates;
    }

    /** Frames that came after their place in the file was written. */
    public long late() {
        return late;
    }

    /** Samples of silence written where frames never came. */
    public long silenceSamples() {
        return silence;
    }

    /** Times the sender changed its SSRC (a new stream after a re-INVITE, say). */
    public long newStreams() {
        return streams;
    }

    /** Whether audio was cut at the recording's longest length. */
    public boolean truncated() {
        return truncated;
    }
}
