package org.tandem.media.dtmf;

import org.tandem.media.codec.G711;

import java.util.ArrayList;
import java.util.List;

/**
 * The packets that send one digit as RFC 4733 events, one per 20 ms tick in place of the audio frame: a
 * first packet (to be sent with the marker bit), updates with a growing duration, and the end packet
 * three times (section 2.5.1.4), all under the timestamp of the press's start.
 */
public final class EventSender {

    /** -10 dBm0, a usual level for a generated digit. */
    static final int VOLUME = 10;
    private static final int END_REPEATS = 3;
    private static final int TICK_SAMPLES = G711.FRAME_BYTES;

    private EventSender() {
    }

    /** The payloads for {@code digit} held {@code durationMillis} (at least one tick), in sending order. */
    public static List<TelephoneEvent> events(Digit digit, int durationMillis) {
        int total = Math.max(TICK_SAMPLES, durationMillis * G711.SAMPLE_RATE / 1000);
        List<TelephoneEvent> events = new ArrayList<>();
        for (int duration = TICK_SAMPLES; duration < total; duration += TICK_SAMPLES) {
            events.add(new TelephoneEvent(digit.event(), false, VOLUME, duration));
        }
        for (int i = 0; i < END_REPEATS; i++) {
            events.add(new TelephoneEvent(digit.event(), true, VOLUME, total));
        }
        return events;
    }
}
