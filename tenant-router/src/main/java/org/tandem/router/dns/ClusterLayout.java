package org.tandem.router.dns;

import java.util.List;

/** What DNS has to say about the cluster: the pools with their nodes, and which pool serves each tenant domain. */
public record ClusterLayout(List<PoolServers> pools, List<TenantDomain> tenants) {

    public ClusterLayout {
        pools = List.copyOf(pools);
        tenants = List.copyOf(tenants);
    }
}
