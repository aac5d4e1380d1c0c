package org.tandem.media.dtmf;

/** An INFO body that carries no digit; the message says why, in words. */
public final class InvalidDigitException extends Exception {

    private final boolean unsupportedType;

    InvalidDigitException(String message) {
        this(message, false);
    }

    InvalidDigitException(String message, boolean unsupportedType) {
        super(message);
        this.unsupportedType = unsupportedType;
    }

    /** True when the body's type is not one that carries digits (the INFO gets 415, not 400). */
    public boolean unsupportedType() {
        return unsupportedType;
    }
}
