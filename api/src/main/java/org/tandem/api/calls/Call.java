package org.tandem.api.calls;

import org.tandem.administration.calls.CallEntry;
import org.tandem.domain.call.CallDisposition;

import java.time.Instant;

/**
 * One call attempt of the tenant.
 *
 * @param sipCause    the SIP status the attempt ended with (200 for an answered call)
 * @param talkSeconds seconds from answer to end; null (left out of the JSON) if nobody answered
 */
public record Call(Instant startedAt, String caller, String callee, CallDisposition disposition, int sipCause,
                   Long talkSeconds) {

    static Call of(CallEntry entry) {
        return new Call(entry.startedAt(), entry.caller(), entry.callee(), entry.disposition(), entry.sipCause(),
                entry.talkSeconds());
    }
}
