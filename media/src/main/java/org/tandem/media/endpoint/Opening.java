package org.tandem.media.endpoint;

import org.tandem.media.sdp.SessionDescription;

/** What answering an offer opened: a leg and the answer to send, or the reason there is none (488). */
public sealed interface Opening {

    record Opened(MediaLeg leg, SessionDescription answer) implements Opening {
    }

    record Refused(String reason) implements Opening {
    }
}
