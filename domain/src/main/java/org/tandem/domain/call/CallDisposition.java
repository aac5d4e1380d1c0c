package org.tandem.domain.call;

/** How a call attempt ended, as stored in {@code call_record.disposition}. */
public enum CallDisposition {
    /** Someone answered; the call ended with a BYE (or a failure after the answer). */
    ANSWERED,
    /** The callee was busy (486 or 600). */
    BUSY,
    /** Nobody answered in time. */
    NO_ANSWER,
    /** The caller hung up before anyone answered. */
    CANCELLED,
    /** Anything else: unknown number, no phone registered, an error. */
    FAILED
}
