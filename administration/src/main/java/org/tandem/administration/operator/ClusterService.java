package org.tandem.administration.operator;

import org.tandem.administration.access.Actor;

/** The cluster as the operator sees it; nobody else may. */
public interface ClusterService {

    ClusterOverview overview(Actor actor);

    /**
     * The same, for the metrics endpoint, which authenticates its scraper itself (a token, or a
     * loopback address). It holds no customer's data: names of nodes and pools, and counts.
     */
    ClusterOverview overviewForMetrics();
}
