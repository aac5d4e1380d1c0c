package org.tandem.storage.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.router.dns.ClusterLayout;
import org.tandem.router.dns.PoolServers;
import org.tandem.router.dns.SipServer;
import org.tandem.router.dns.TenantDomain;
import org.tandem.storage.TestDatabase;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcClusterLayoutsTest {

    @TempDir
    Path folder;

    @Test
    void poolsListTheirNodesPrimaryFirstAndTenantsTheirPool() {
        // node names sort opposite to their roles, so only the primary/secondary order can put them right
        Node zulu = new Node("zulu", new NetworkAddress("127.0.0.2", 5060), "127.0.0.2");
        Node alpha = new Node("alpha", new NetworkAddress("127.0.0.3", 5070), "127.0.0.3");
        ClusterLayout layout;
        try (TestDatabase database = TestDatabase.startIn(folder)) {
            database.inTransaction(entityManager -> {
                Reseller reseller = TestDatabase.persistReseller(entityManager);
                entityManager.persist(zulu);
                entityManager.persist(alpha);
                Pool pair = new Pool("pair", zulu, alpha);
                Pool solo = Pool.ofOneNode("solo", alpha);
                entityManager.persist(pair);
                entityManager.persist(solo);
                PlanLimits limits = new PlanLimits(50, 5, 2);
                entityManager.persist(new Tenant(reseller.id(), solo.id(), "Beta", new SipDomain("beta.example.com"), limits));
                entityManager.persist(new Tenant(reseller.id(), pair.id(), "Acme", new SipDomain("acme.example.com"), limits));
            });

            layout = new JdbcClusterLayouts(database.dataSource()).current();
        }

        SipServer zuluServer = new SipServer("zulu", new NetworkAddress("127.0.0.2", 5060));
        SipServer alphaServer = new SipServer("alpha", new NetworkAddress("127.0.0.3", 5070));
        assertThat(layout.pools()).containsExactly(
                new PoolServers("pair", List.of(zuluServer, alphaServer)),
                new PoolServers("solo", List.of(alphaServer)));
        assertThat(layout.tenants()).containsExactly(
                new TenantDomain(new SipDomain("acme.example.com"), "pair"),
                new TenantDomain(new SipDomain("beta.example.com"), "solo"));
    }
}
