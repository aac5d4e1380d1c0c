package org.tandem.domain.call;

import java.util.List;
import java.util.UUID;

/**
 * Where a node publishes the calls it handles, for live views on every node. A node writes only its
 * own calls' rows.
 */
public interface ActiveCalls {

    /** Publishes nothing: for engines and tests without a database. */
    ActiveCalls NONE = new ActiveCalls() {
        @Override
        public void apply(List<ActiveCallChange> changes) {
        }

        @Override
        public int recordCutOff(UUID nodeId) {
            return 0;
        }
    };

    /** Writes {@code changes} together (all or none), in order; throws if they could not be written. */
    void apply(List<ActiveCallChange> changes);

    /**
     * Ends every call {@code nodeId} still lists, which something cut off: the node starts again
     * after a crash, or it leaves the cluster. Each is recorded as ended when the node was last
     * known alive (its last heartbeat), unless its call record exists already, and removed; how many
     * there were.
     */
    int recordCutOff(UUID nodeId);
}
