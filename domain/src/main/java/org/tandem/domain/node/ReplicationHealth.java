package org.tandem.domain.node;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What this node sees of replication with each peer, for the operator's view and the metrics: both
 * directions of every link, read from this node's database only (each node reports its own end). Told
 * in the operator's words (is the peer heard, how far behind is it, has anything diverged); how the
 * database keeps and counts it is the cluster module's business.
 */
public interface ReplicationHealth {

    /** How this node hears from a peer. */
    enum Receiving {
        /** The peer's changes arrive as it makes them. */
        STREAMING,
        /** This node is copying the peer's tables (a join). */
        COPYING,
        /** Set up, but the peer is not reached. */
        DOWN,
        /** Set up and paused. */
        DISABLED,
        /** Not set up: this node takes nothing from the peer. */
        MISSING;

        /** Whether this node hears from the peer: its database is up and reachable from here. */
        public boolean now() {
            return this == STREAMING || this == COPYING;
        }
    }

    /** Whether the changes this node holds for a peer that has not yet taken them are safe. */
    enum Holding {
        /** This node holds nothing for the peer: the peer does not take its changes. */
        NONE,
        /** Within the node's usual room. */
        WITHIN_LIMIT,
        /** Beyond the usual room, still kept. */
        OVER_LIMIT,
        /** The next clean-up may drop some: the peer must catch up soon. */
        AT_RISK,
        /** Some were dropped before the peer took them: the peer must join again. */
        LOST
    }

    /**
     * One peer.
     *
     * @param receiving        how this node hears from the peer
     * @param lastHeard        since the peer last sent anything (null: never, or not connected)
     * @param behindBytes      this node's changes the peer has not confirmed yet (null: it takes none)
     * @param behindTime       how long the peer took to apply this node's recent changes (null when idle)
     * @param heldBytes        what this node holds until the peer has it (null: nothing)
     * @param holding          whether what it holds is safe
     * @param peerConnected    whether the peer is taking this node's changes now
     * @param applyErrors      times applying the peer's changes failed here
     * @param copyErrors       times copying a table from the peer failed here
     * @param conflictsByKind  the database's own conflict counters for what came from the peer, by its names
     *                         (for the metrics)
     * @param diverged         conflicts the one-writer rule makes impossible (any is a fault)
     * @param elsewhere        changes to rows another node wrote last (expected after a join or a failover)
     */
    record Link(String peer, Receiving receiving, Duration lastHeard, Long behindBytes, Duration behindTime,
                Long heldBytes, Holding holding, boolean peerConnected, long applyErrors, long copyErrors,
                Map<String, Long> conflictsByKind, long diverged, long elsewhere) {

        public Link {
            conflictsByKind = Map.copyOf(conflictsByKind);
        }
    }

    /** Changes this node holds for no known member (one that left without cleaning up): kept until dropped. */
    record Unclaimed(String name, long heldBytes, Holding holding) {
    }

    /** @param node this node's name; {@code links} empty for a node in no cluster */
    record Report(String node, List<Link> links, List<Unclaimed> unclaimed) {

        public Report {
            links = List.copyOf(links);
            unclaimed = List.copyOf(unclaimed);
        }
    }

    Report now();
}
