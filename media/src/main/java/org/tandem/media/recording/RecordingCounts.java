package org.tandem.media.recording;

/**
 * What a {@link Recorder} had to mend, for the leg's statistics and the tests.
 *
 * @param duplicates     frames that came twice (written once)
 * @param late           frames that came after their place in the file was written
 * @param silenceSamples samples of silence written where frames never came
 * @param newStreams     times the sender changed its SSRC (a new stream after a re-INVITE, say)
 * @param truncated      whether audio was cut at the recording's longest length
 */
public record RecordingCounts(long duplicates, long late, long silenceSamples, long newStreams, boolean truncated) {
}
