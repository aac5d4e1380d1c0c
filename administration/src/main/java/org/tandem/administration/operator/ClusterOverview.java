package org.tandem.administration.operator;

import java.util.List;

/** The pools and nodes of the cluster, by name. */
public record ClusterOverview(List<PoolOverview> pools, List<NodeOverview> nodes) {

    public ClusterOverview {
        pools = List.copyOf(pools);
        nodes = List.copyOf(nodes);
    }
}
