package org.tandem.media.rtcp;

/**
 * What a leg's receiver reports about the stream it gets (RFC 3550 section 6.4.1 and appendix A): the
 * highest sequence number extended past its wraps, packets expected and lost, the interarrival jitter,
 * and the last sender report heard. Not thread-safe: the receiver's thread updates it, and the pacer's
 * reads it under the leg's lock.
 */
public final class ReceptionStatistics {

    private static final int SEQUENCE_MOD = 1 << 16;
    /** A jump this far is a restarted sender, not loss (appendix A.1's MAX_DROPOUT). */
    private static final int MAX_DROPOUT = 3000;

    private boolean started;
    private long ssrc;
    private int baseSequence;
    private int maxSequence;
    private long cycles;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long transit;
    private double jitter;
    private long lastSenderReport;
    private long lastSenderReportNanos;

    /**
     * One RTP packet arrived.
     *
     * @param arrivalSamples the arrival time in the stream's timestamp units (samples since any fixed instant)
     */
    public void received(long ssrc, int sequence, long timestamp, long arrivalSamples) {
        if (!started || ssrc != this.ssrc) {
            started = true;
            this.ssrc = ssrc;
            baseSequence = sequence;
            maxSequence = sequence;
            cycles = 0;
            received = 0;
            expectedPrior = 0;
            receivedPrior = 0;
            transit = arrivalSamples - timestamp;
            jitter = 0;
        }
        int delta = (sequence - maxSequence + SEQUENCE_MOD) % SEQUENCE_MOD;
        if (delta > 0 && delta < MAX_DROPOUT) {
            if (sequence < maxSequence) {
                cycles += SEQUENCE_MOD;
            }
            maxSequence = sequence;
        }
        received++;
        // appendix A.8: J += (|D| - J) / 16, D the change in transit time
        long packetTransit = arrivalSamples - timestamp;
        long difference = Math.abs((int) (packetTransit - transit));
        transit = packetTransit;
        jitter += (difference - jitter) / 16;
    }

    /** A sender report arrived from the source: the next report block says when. */
    public void senderReport(long ntpTimestamp, long arrivalNanos) {
        lastSenderReport = (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
        lastSenderReportNanos = arrivalNanos;
    }

    /** Whether any RTP arrived (a report block needs a source). */
    public boolean hasSource() {
        return started;
    }

    /** The block for the next report; the fraction lost counts from the previous call. */
    public ReportBlock reportBlock(long nowNanos) {
        long extendedMax = cycles + maxSequence;
        long expected = extendedMax - baseSequence + 1;
        long lost = expected - received;
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long delay = lastSenderReport == 0 ? 0 : (nowNanos - lastSenderReportNanos) * 65536 / 1_000_000_000L;
        return new ReportBlock(ssrc, Math.min(fraction, 255), (int) Math.clamp(lost, -0x80_0000, 0x7F_FFFF),
                extendedMax & 0xFFFF_FFFFL, (long) jitter, lastSenderReport, delay);
    }
}
