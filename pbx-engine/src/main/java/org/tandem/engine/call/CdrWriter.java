package org.tandem.engine.call;

import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallRecord;
import org.tandem.domain.call.CallRecords;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes one call record per call attempt, once, when it ended, on a thread of its own: a slow or
 * unreachable database never holds up a call, and a record that cannot be written is logged (WARN)
 * and lost rather than breaking the call.
 */
final class CdrWriter {

    private static final System.Logger LOG = System.getLogger(CdrWriter.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int QUEUE = 10_000;

    private final CallRecords records;
    private final UUID nodeId;
    private final ThreadPoolExecutor executor;

    CdrWriter(CallRecords records, UUID nodeId) {
        this.records = records;
        this.nodeId = nodeId;
        this.executor = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE), task -> {
            Thread thread = new Thread(task, "tandem-cdr-writer-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Records how {@code call} ended; call under the call's lock, once (the call is then ENDED). */
    void ended(Call call, Instant endedAt, CallDisposition disposition, int sipCause) {
        CallRecord record;
        try {
            record = new CallRecord(call.id, call.tenantId, nodeId, call.caller, call.callee, call.startedAt,
                    call.answeredAt, endedAt, disposition, sipCause);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call record of call " + call.id + " not written: " + e.getMessage());
            return;
        }
        try {
            executor.execute(() -> write(record));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "call record " + record.id() + " not written: "
                    + QUEUE + " records are waiting for the database");
        }
    }

    private void write(CallRecord record) {
        try {
            records.add(record);
        } catch (RuntimeException e) {
            StringBuilder causes = new StringBuilder();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                causes.append(causes.isEmpty() ? "" : ": ").append(cause.getMessage());
            }
            LOG.log(System.Logger.Level.WARNING, "call record " + record.id() + " (" + record.disposition() + ", "
                    + record.caller() + " -> " + record.callee() + ") not written: " + causes);
        }
    }
}
