package org.tandem.media.playback;

import org.tandem.media.codec.G711;

/**
 * Audio a leg plays: 20 ms frames of G.711, encoded before the call (no leg encodes while it plays).
 * A source is shared by every leg that plays it and keeps no state of its own per leg.
 */
public interface Source {

    /** The law the frames are in (a leg of the other law translates them by table). */
    G711 law();

    /**
     * The frame to send now, or null when the source has ended for this leg.
     *
     * @param played the frames this leg has played of it so far (0 for its first)
     * @param tick   the pacer's tick: sources that many legs hear in step (music) follow it instead
     */
    byte[] frame(long played, long tick);
}
