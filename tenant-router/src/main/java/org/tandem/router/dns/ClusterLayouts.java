package org.tandem.router.dns;

/** Reads the cluster's current layout (storage implements it over the database). */
@FunctionalInterface
public interface ClusterLayouts {

    ClusterLayout current();
}
