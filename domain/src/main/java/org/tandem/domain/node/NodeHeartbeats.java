package org.tandem.domain.node;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Each node's sign of life: written by the node itself every few seconds, read by every node (it
 * replicates like any row). A heartbeat that stops changing is a node that is down, or cut off
 * from the node reading it.
 */
public interface NodeHeartbeats {

    /**
     * @param seenAt     when the node last wrote it
     * @param startedAt  when the node started
     * @param sipUp      whether its SIP engine was listening then
     * @param portalUrl  where its portal answers, null when not known
     */
    record Heartbeat(Instant seenAt, Instant startedAt, boolean sipUp, String portalUrl) {
    }

    /** Writes {@code nodeId}'s heartbeat (only that node calls it). */
    void beat(UUID nodeId, Heartbeat heartbeat);

    /** The last heartbeat of every node that has written one, by node id. */
    Map<UUID, Heartbeat> all();

    /** Calls up on each node, as each last published them, counting only counts published since {@code since}. */
    Map<UUID, Long> activeCalls(Instant since);
}
