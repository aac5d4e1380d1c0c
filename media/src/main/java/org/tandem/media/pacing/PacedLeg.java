package org.tandem.media.pacing;

/** Something that sends one frame every 20 ms while the {@link Pacer} holds it: a leg playing a source. */
@FunctionalInterface
public interface PacedLeg {

    /**
     * Sends the frame due at {@code tick}, the number of 20 ms periods since the pacer started. Ticks
     * increase by one, except after the pacer fell far behind (then some are skipped, and a sender that
     * stamps its packets from the tick leaves the matching gap in its RTP timestamps). Runs on the
     * pacer's thread: it must not block, and what it throws only stops this leg.
     */
    void sendFrame(long tick) throws Exception;
}
