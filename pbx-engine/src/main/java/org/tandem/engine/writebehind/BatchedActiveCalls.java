package org.tandem.engine.writebehind;

import org.tandem.domain.call.ActiveCallChange;
import org.tandem.domain.call.ActiveCalls;
import org.tandem.engine.failure.DatabaseFailure;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * This node's calls published for live views, written behind: {@link #apply} returns at once, so a
 * call never waits for the database. Changes of one call still waiting are merged (a call that
 * rang and ended within one window is never written at all). With a spool folder the changes are
 * also kept there until written ({@link Spool}): a call up while the database is away, when the
 * node dies, is then listed at the next start, and so recorded as cut off. A change that could
 * not be written anyway only leaves a view wrong until the next change of that call or the node's
 * next start, so it is logged.
 *
 * <p>The node owns its rows. At start it finds what an earlier run left (a crash ends calls without
 * their removal) and records those calls as cut off at its last heartbeat, so that a crash loses
 * no call's record ({@link ActiveCalls#recordCutOff}); a clean stop has ended and recorded its calls
 * and removes what is left.
 */
public final class BatchedActiveCalls implements ActiveCalls, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BatchedActiveCalls.class.getName());

    /**
     * 20 ms windows of up to 500 changes; how many wait is bounded by the calls let in (three changes
     * a call at most, merged), since new calls are refused while call records back up.
     */
    public static final WriteBehind.Settings DEFAULT =
            new WriteBehind.Settings(Duration.ofMillis(20), 500, 100_000, Duration.ofSeconds(5));

    private final ActiveCalls database;
    private final UUID nodeId;
    private final WriteBehind<UUID, ActiveCallChange> writes;

    static final String SPOOL_KIND = "active-calls";

    private BatchedActiveCalls(ActiveCalls database, UUID nodeId, WriteBehind.Settings settings,
                               Optional<Path> spoolFolder) {
        this.database = database;
        this.nodeId = nodeId;
        this.writes = new WriteBehind<>(SPOOL_KIND, database::apply, settings,
                lost -> LOG.log(Level.WARNING, lost.size() + " active call change(s) not written; live views "
                        + "show those calls wrongly until their next change or this node's next start"),
                spoolFolder.map(folder -> Spool.open(SPOOL_KIND, SpoolCodecs.ACTIVE_CALL_CHANGES,
                        new Spool.Settings(folder))).orElse(null),
                ActiveCallChange::callId);
    }

    /** As {@link #start(ActiveCalls, UUID, WriteBehind.Settings, Optional)}, without a spool. */
    public static BatchedActiveCalls start(ActiveCalls database, UUID nodeId, WriteBehind.Settings settings) {
        return start(database, nodeId, settings, Optional.empty());
    }

    /**
     * Writes the changes an earlier run of {@code nodeId} left in the spool, records and removes the
     * calls it left in the database, then publishes this run's; throws if the database cannot be
     * reached. The call records that run spooled must be written first: a call left up is recorded
     * as cut off only when it has no record.
     */
    public static BatchedActiveCalls start(ActiveCalls database, UUID nodeId, WriteBehind.Settings settings,
                                           Optional<Path> spoolFolder) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(nodeId, "node id");
        BatchedActiveCalls calls = new BatchedActiveCalls(database, nodeId, settings, spoolFolder);
        int left;
        try {
            left = calls.recordCutOff(nodeId);
        } catch (RuntimeException e) {
            calls.writes.close(); // what it read from the spool stays there
            throw e;
        }
        if (left > 0) {
            LOG.log(Level.INFO, "Recorded {0} call(s) an earlier run of this node left up (it stopped without a clean"
                    + " stop): each ended at that run''s last heartbeat", left);
        }
        return calls;
    }

    @Override
    public void apply(List<ActiveCallChange> changes) {
        changes.forEach(change -> writes.put(change.callId(), change));
    }

    /** Writes what waits first, so that no change handed over earlier brings a call back afterwards. */
    @Override
    public int recordCutOff(UUID node) {
        writes.awaitWritten(DEFAULT.closeTimeout());
        return database.recordCutOff(node);
    }

    /** Waits, for at most {@code timeout}, until every change so far is written; whether it is. */
    public boolean awaitWritten(Duration timeout) {
        return writes.awaitWritten(timeout);
    }

    /**
     * Writes what waits, then removes what this node still lists: the engine has ended and recorded
     * every call by now, so this only clears a removal that could not be written.
     */
    @Override
    public void close() {
        writes.close();
        try {
            database.recordCutOff(nodeId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "This node's active calls stay listed until it starts again: "
                    + DatabaseFailure.describe(e));
        }
    }
}
