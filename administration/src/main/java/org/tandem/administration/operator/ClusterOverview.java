package org.tandem.administration.operator;

import org.tandem.domain.node.ReplicationHealth;

import java.time.Instant;
import java.util.List;

/**
 * The pools and nodes of the cluster, by name, and replication as the node answering sees it.
 *
 * @param thisNode    the node that read it (replication is seen from its end)
 * @param replication this node's links to every peer, and what it holds for no member
 */
public record ClusterOverview(String thisNode, Instant readAt, List<PoolOverview> pools, List<NodeOverview> nodes,
                              ReplicationHealth.Report replication) {

    public ClusterOverview {
        pools = List.copyOf(pools);
        nodes = List.copyOf(nodes);
    }
}
