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
        public int forgetNode(UUID nodeId) {
            return 0;
        }
    };

    /** Writes {@code changes} together (all or none), in order; throws if they could not be written. */
    void apply(List<ActiveCallChange> changes);

    /** Removes every call {@code nodeId} published (a node starting has none up); how many there were. */
    int forgetNode(UUID nodeId);
}
