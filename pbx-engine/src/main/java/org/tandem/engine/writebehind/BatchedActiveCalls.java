package org.tandem.engine.writebehind;

import org.tandem.domain.call.ActiveCallChange;
import org.tandem.domain.call.ActiveCalls;
import org.tandem.engine.DatabaseFailure;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * This node's calls published for live views, written behind: {@link #apply} returns at once, so a
 * call never waits for the database. Changes of one call still waiting are merged (a call that
 * rang and ended within one window is never written at all). A change that could not be written
 * only leaves a view wrong until the next change of that call or the node's next start, so it is
 * logged, not kept.
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

    private BatchedActiveCalls(ActiveCalls database, UUID nodeId, WriteBehind.Settings settings) {
        this.database = database;
        this.nodeId = nodeId;
        this.writes = new WriteBehind<>("active-calls", database::apply, settings,
                lost -> LOG.log(Level.WARNING, lost.size() + " active call change(s) not written; live views "
                        + "show those calls wrongly until their next change or this node's next start"));
    }

    /**
     * Records and removes the calls an earlier run of {@code nodeId} left in the database, then
     * publishes this run's; throws if the database cannot be reached.
     */
    public static BatchedActiveCalls start(ActiveCalls database, UUID nodeId, WriteBehind.Settings settings) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(nodeId, "node id");
        int left = database.recordCutOff(nodeId);
        if (left > 0) {
            LOG.log(Level.INFO, "Recorded {0} call(s) an earlier run of this node left up (it stopped without a clean"
                    + " stop): each ended at that run''s last heartbeat", left);
        }
        return new BatchedActiveCalls(database, nodeId, settings);
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
