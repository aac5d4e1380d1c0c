package org.tandem.router.dns;

import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.tenant.SipDomain;

import java.util.List;

/** Nodes, pools and tenants the DNS tests share: three nodes on their own loopback addresses. */
final class TestLayouts {

    static final SipServer NODE_A = new SipServer("node-a", new NetworkAddress("127.0.0.2", 5060));
    static final SipServer NODE_B = new SipServer("node-b", new NetworkAddress("127.0.0.3", 5060));
    static final SipServer NODE_C = new SipServer("node-c", new NetworkAddress("127.0.0.4", 5070));

    static final PoolServers POOL_AB = new PoolServers("pool-ab", List.of(NODE_A, NODE_B));
    static final PoolServers POOL_CA = new PoolServers("pool-ca", List.of(NODE_C, NODE_A));

    private TestLayouts() {
    }

    static TenantDomain tenant(String domain, PoolServers pool) {
        return new TenantDomain(new SipDomain(domain), pool.name());
    }

    static ClusterLayout layout(List<PoolServers> pools, TenantDomain... tenants) {
        return new ClusterLayout(pools, List.of(tenants));
    }

    /** The records as single-spaced lines, in their order. */
    static List<String> lines(List<org.xbill.DNS.Record> records) {
        return records.stream().map(Bind9::line).toList();
    }
}
