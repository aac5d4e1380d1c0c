package org.tandem.administration.calls;

import org.tandem.domain.call.CallDisposition;

import java.time.Instant;

/**
 * One call as the history shows it.
 *
 * @param talkSeconds seconds from answer to end; null if nobody answered
 */
public record CallEntry(Instant startedAt, String caller, String callee, CallDisposition disposition, int sipCause,
                        Long talkSeconds) {
}
