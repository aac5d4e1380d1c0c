package org.tandem.administration.operator;

import org.tandem.administration.access.Actor;

/** The cluster as the operator sees it; nobody else may. */
public interface ClusterService {

    ClusterOverview overview(Actor actor);
}
