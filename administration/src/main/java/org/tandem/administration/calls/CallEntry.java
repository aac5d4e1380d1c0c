package org.tandem.administration.calls;

import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallRecord;

import java.time.Duration;
import java.time.Instant;

/**
 * One call as the history shows it.
 *
 * @param talkSeconds seconds from answer to end; null if nobody answered
 */
public record CallEntry(Instant startedAt, String caller, String callee, CallDisposition disposition, int sipCause,
                        Long talkSeconds) {

    public static CallEntry of(CallRecord record) {
        return new CallEntry(record.startedAt(), record.caller(), record.callee(), record.disposition(),
                record.sipCause(), record.talkTime().map(Duration::toSeconds).orElse(null));
    }
}
