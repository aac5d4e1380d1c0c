package org.tandem.engine.call;

import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallRecord;
import org.tandem.domain.call.CallRecords;
import org.tandem.engine.failure.DatabaseFailure;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes one call record per call attempt, once, when it ended. The engine hands it call records
 * that are written behind ({@code writebehind.BatchedCallRecords}): handing one over never waits
 * for the database, and a record is kept until it is stored. A record that cannot even be made or
 * handed over is logged (WARN) rather than breaking the call.
 */
final class CdrWriter {

    private static final System.Logger LOG = System.getLogger(CdrWriter.class.getName());

    private final CallRecords records;
    private final UUID nodeId;

    CdrWriter(CallRecords records, UUID nodeId) {
        this.records = records;
        this.nodeId = nodeId;
    }

    /** Records how {@code call} ended; call under the call's lock, once (the call is then ENDED). */
    void ended(Call call, Instant endedAt, CallDisposition disposition, int sipCause) {
        CallRecord record;
        try {
            record = new CallRecord(call.id, call.tenantId, nodeId, call.caller, call.callee, call.startedAt,
                    call.answeredAt(), endedAt, disposition, sipCause);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call record of call " + call.id + " not written: " + e.getMessage());
            return;
        }
        try {
            records.add(record);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call record " + record.id() + " (" + record.disposition() + ", "
                    + record.caller() + " -> " + record.callee() + ") not written: " + DatabaseFailure.describe(e));
        }
    }
}
