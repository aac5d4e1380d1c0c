package org.tandem.media.dtmf;

import org.tandem.media.codec.G711;
import org.tandem.media.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a leg's RFC 4733 event packets into digits. All packets of one key press share its RTP timestamp
 * (section 2.5.1.1): the press counts once, when the first end packet comes; its two retransmissions, and
 * any update that arrives after it, carry the same timestamp and are ignored. A press whose end packets
 * were all lost is counted when the next press starts. Not thread-safe: the receiver's thread feeds it.
 */
public final class EventReceiver {

    private boolean pressing;
    private long pressTimestamp;
    private TelephoneEvent lastUpdate;
    private boolean anyReported;
    private long reportedTimestamp;
    private long malformed;

    /** The digits this packet completes: none, one, or two when it starts a press after one whose end was lost. */
    public List<Digit> accept(RtpPacket packet) {
        Optional<TelephoneEvent> read = TelephoneEvent.read(packet.payload());
        if (read.isEmpty()) {
            malformed++;
            return List.of();
        }
        TelephoneEvent event = read.get();
        long timestamp = packet.timestamp();
        if (anyReported && timestamp == reportedTimestamp) {
            return List.of();
        }
        List<Digit> digits = new ArrayList<>(2);
        if (pressing && timestamp != pressTimestamp) {
            report(pressTimestamp, lastUpdate).ifPresent(digits::add);
        }
        pressing = true;
        pressTimestamp = timestamp;
        lastUpdate = event;
        if (event.end()) {
            report(timestamp, event).ifPresent(digits::add);
        }
        return digits;
    }

    /** Event packets too short to read. */
    public long malformed() {
        return malformed;
    }

    private Optional<Digit> report(long timestamp, TelephoneEvent event) {
        pressing = false;
        anyReported = true;
        reportedTimestamp = timestamp;
        if (!Digit.isDigitEvent(event.event())) {
            return Optional.empty();
        }
        return Optional.of(new Digit(Digit.symbolOf(event.event()), event.duration() * 1000 / G711.SAMPLE_RATE));
    }
}
