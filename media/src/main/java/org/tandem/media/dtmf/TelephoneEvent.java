package org.tandem.media.dtmf;

import java.util.Optional;

/**
 * The payload of one RFC 4733 telephone-event packet (section 2.3): which event, whether it has ended,
 * its volume, and how long it has lasted so far, in timestamp units (samples at 8 kHz).
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    public static final int BYTES = 4;

    public TelephoneEvent {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("event 0-255, volume 0-63, duration 0-65535: " + event + ", "
                    + volume + ", " + duration);
        }
    }

    /** Reads the first four bytes of an event packet's payload; shorter payloads are no event. */
    public static Optional<TelephoneEvent> read(byte[] payload) {
        if (payload.length < BYTES) {
            return Optional.empty();
        }
        return Optional.of(new TelephoneEvent(payload[0] & 0xFF, (payload[1] & 0x80) != 0, payload[1] & 0x3F,
                ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF)));
    }

    public byte[] toBytes() {
        return new byte[]{(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }
}
