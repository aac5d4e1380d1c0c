package org.tandem.domain.call;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * How many calls each tenant has up on each node, as each node last published them: what makes a
 * plan's concurrent-call limit hold across the cluster. A node writes only its own counts.
 */
public interface CallCounts {

    /** Counts kept nowhere: a node alone. */
    CallCounts NONE = new CallCounts() {
        @Override
        public void publish(UUID nodeId, Map<UUID, Integer> activeByTenant, Instant at) {
        }

        @Override
        public Map<UUID, Integer> elsewhere(UUID nodeId, Instant since) {
            return Map.of();
        }
    };

    /** Sets {@code nodeId}'s counts of these tenants (zeros included), as of {@code at}. */
    void publish(UUID nodeId, Map<UUID, Integer> activeByTenant, Instant at);

    /** Per tenant, the calls up on nodes other than {@code nodeId}, counting only counts published since {@code since}. */
    Map<UUID, Integer> elsewhere(UUID nodeId, Instant since);
}
