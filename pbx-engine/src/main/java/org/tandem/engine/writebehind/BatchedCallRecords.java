package org.tandem.engine.writebehind;

import org.tandem.domain.call.CallRecord;
import org.tandem.domain.call.CallRecords;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Call records written behind, many to one insert: {@link #add} returns at once, whatever the
 * database is doing. A record is never lost silently and never stored twice: a batch the database
 * cannot take now is tried again (the store skips records it already has, so a batch whose commit
 * answer was lost is not doubled), and at shutdown what waits is written first. A record the
 * database refuses for good, or that could not be written before shutdown gave up, is logged at
 * ERROR with every field, so it can be entered by hand.
 *
 * <p>With a spool folder, every record is also kept there ({@link Spool}, files
 * {@value #SPOOL_KIND}-n.spool) until the database holds it: records that wait when the node stops,
 * or dies, are written at its next start instead of being lost.
 *
 * <p>It never refuses a record. How many may wait is bounded by refusing new calls instead
 * ({@link #isBacklogged()}, read by {@code overload.LoadShedding}): a call that is up will be
 * recorded, and one that could not be is not let in.
 */
public final class BatchedCallRecords implements CallRecords, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BatchedCallRecords.class.getName());

    /**
     * Up to 500 records an insert, 20 ms after the first (a call record is not read in the
     * meantime); new calls are refused once 20,000 wait (20 s at 1,000 calls a second).
     */
    public static final WriteBehind.Settings DEFAULT =
            new WriteBehind.Settings(Duration.ofMillis(20), 500, 20_000, Duration.ofSeconds(10));

    static final String SPOOL_KIND = "call-records";

    private final WriteBehind<UUID, CallRecord> writes;

    /** Records kept in memory only until written. */
    public BatchedCallRecords(CallRecords database, WriteBehind.Settings settings) {
        this(database, settings, Optional.empty());
    }

    /**
     * Records also kept in the spool in {@code spoolFolder} until written; those an earlier run
     * left there are written first.
     */
    public BatchedCallRecords(CallRecords database, WriteBehind.Settings settings, Optional<Path> spoolFolder) {
        Objects.requireNonNull(database, "database");
        this.writes = new WriteBehind<>(SPOOL_KIND, database::addAll, settings,
                lost -> lost.forEach(record -> LOG.log(Level.ERROR, "Call record lost: " + record)),
                spoolFolder.map(folder -> Spool.open(SPOOL_KIND, SpoolCodecs.CALL_RECORDS, new Spool.Settings(folder)))
                        .orElse(null),
                CallRecord::id);
    }

    @Override
    public void addAll(List<CallRecord> records) {
        records.forEach(record -> writes.put(record.id(), record));
    }

    /** Whether so many records wait for the database that no new call should start. */
    public boolean isBacklogged() {
        return !writes.hasRoom();
    }

    /** Waits, for at most {@code timeout}, until every record added so far is stored; whether it is. */
    public boolean awaitWritten(Duration timeout) {
        return writes.awaitWritten(timeout);
    }

    /** Writes what waits (for at most the settings' close timeout). */
    @Override
    public void close() {
        writes.close();
    }
}
