package org.tandem.media.sdp;

/** A body that is not a session description this node reads; the message says what is wrong, in words. */
public final class InvalidSdpException extends Exception {

    InvalidSdpException(String message) {
        super(message);
    }
}
