package org.tandem.media.sdp;

import org.tandem.media.sdp.SessionDescription.Origin;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This side's half of one call's session: the {@code o=} session id, kept for the call, and the version,
 * raised only when what is described changes (RFC 3264 section 8: a re-offer that changes nothing keeps
 * it). Not thread-safe: a call's signalling describes one offer or answer at a time.
 */
public final class LocalSession {

    private static final String USERNAME = "tandem";
    private static final String SESSION_NAME = "Tandem";

    private final String address;
    private final long sessionId;
    private long version;
    private SessionDescription last;

    /**
     * @param address the address RTP is received on, as {@code c=} and {@code o=} give it
     */
    public LocalSession(String address) {
        this.address = address;
        // a positive random id (RFC 4566 suggests an NTP time; any number unique enough will do)
        this.sessionId = ThreadLocalRandom.current().nextLong(1, 1L << 62);
        this.version = sessionId;
    }

    /** The address RTP is received on. */
    public String address() {
        return address;
    }

    /** The description of {@code media}, with the version raised if it differs from the last one made. */
    SessionDescription describe(List<MediaDescription> media) {
        if (last != null && !last.media().equals(media)) {
            version++;
        }
        last = new SessionDescription(new Origin(USERNAME, sessionId, version, address), SESSION_NAME,
                Optional.of(address), media);
        return last;
    }
}
