package org.tandem.administration.voicemail;

/**
 * The cluster's files could not give a recording that should be there (the volume is gone or failing):
 * a fault of the node, not of the request, told in plain words.
 */
public class VoicemailUnavailableException extends RuntimeException {

    public VoicemailUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
