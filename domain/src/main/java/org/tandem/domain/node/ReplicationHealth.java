package org.tandem.domain.node;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What this node sees of replication with each peer, for the operator's view and the metrics: both
 * directions of every link, read from this node's database only (each node reports its own end).
 */
public interface ReplicationHealth {

    /**
     * One peer.
     *
     * @param receiving      this node's subscription from the peer: STREAMING, COPYING, DOWN, DISABLED, MISSING
     * @param lastMessageAge since the peer last sent anything (null: never, or not connected)
     * @param lagBytes       WAL written here that the peer has not confirmed (null: no slot here for it)
     * @param retainedBytes  WAL this node keeps for the peer's slot (null: no slot)
     * @param slotStatus     reserved, extended, unreserved, lost, or null (no slot)
     * @param slotActive     whether the peer is connected to its slot here
     * @param replayLag      how long the peer took to apply recent changes (null when idle)
     * @param applyErrors    times applying the peer's changes failed here
     * @param syncErrors     times copying a table from the peer failed here
     * @param conflicts      PostgreSQL's conflict counters for the subscription, by kind (insert_exists,
     *                       update_origin_differs, update_exists, update_missing, delete_origin_differs,
     *                       delete_missing, multiple_unique_conflicts)
     * @param diverged       conflicts the one-writer rule makes impossible (any is a fault)
     * @param elsewhere      changes to rows another node wrote last (expected after a join or a failover)
     */
    record Link(String peer, String receiving, Duration lastMessageAge, Long lagBytes, Long retainedBytes,
                String slotStatus, boolean slotActive, Duration replayLag, long applyErrors, long syncErrors,
                Map<String, Long> conflicts, long diverged, long elsewhere) {

        public Link {
            conflicts = Map.copyOf(conflicts);
        }

        /** Whether this node hears from the peer: its database is up and reachable from here. */
        public boolean receivingNow() {
            return "STREAMING".equals(receiving) || "COPYING".equals(receiving);
        }
    }

    /** A slot here for no known member: it keeps WAL until dropped. */
    record OrphanSlot(String name, long retainedBytes, String status) {
    }

    /** @param node this node's name; {@code links} empty for a node in no cluster */
    record Report(String node, List<Link> links, List<OrphanSlot> orphanSlots) {

        public Report {
            links = List.copyOf(links);
            orphanSlots = List.copyOf(orphanSlots);
        }
    }

    Report now();
}
