package org.tandem.router.dns;

import org.junit.jupiter.api.Test;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.tenant.SipDomain;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.router.dns.TestLayouts.NODE_A;
import static org.tandem.router.dns.TestLayouts.NODE_B;
import static org.tandem.router.dns.TestLayouts.NODE_C;
import static org.tandem.router.dns.TestLayouts.POOL_AB;
import static org.tandem.router.dns.TestLayouts.POOL_CA;
import static org.tandem.router.dns.TestLayouts.layout;
import static org.tandem.router.dns.TestLayouts.lines;
import static org.tandem.router.dns.TestLayouts.tenant;

class ClusterRecordsTest {

    private final ZoneNames zone = new ZoneNames("tandem.test");

    @Test
    void aPoolListsItsPrimaryAtPriority10AndItsSecondaryAt20OverUdpAndTcp() {
        assertThat(lines(ClusterRecords.forPool(zone, 60, POOL_CA))).containsExactly(
                "_sip._udp.pool-ca.pools.tandem.test. 60 IN SRV 10 0 5070 node-c.nodes.tandem.test.",
                "_sip._udp.pool-ca.pools.tandem.test. 60 IN SRV 20 0 5060 node-a.nodes.tandem.test.",
                "_sip._tcp.pool-ca.pools.tandem.test. 60 IN SRV 10 0 5070 node-c.nodes.tandem.test.",
                "_sip._tcp.pool-ca.pools.tandem.test. 60 IN SRV 20 0 5060 node-a.nodes.tandem.test.");
    }

    @Test
    void aTenantDomainGetsTheSameTargetsAsItsPool() {
        assertThat(lines(ClusterRecords.forTenant(zone, 60, ZoneNames.absolute("acme.tandem.test"), POOL_AB)))
                .containsExactly(
                        "_sip._udp.acme.tandem.test. 60 IN SRV 10 0 5060 node-a.nodes.tandem.test.",
                        "_sip._udp.acme.tandem.test. 60 IN SRV 20 0 5060 node-b.nodes.tandem.test.",
                        "_sip._tcp.acme.tandem.test. 60 IN SRV 10 0 5060 node-a.nodes.tandem.test.",
                        "_sip._tcp.acme.tandem.test. 60 IN SRV 20 0 5060 node-b.nodes.tandem.test.");
    }

    @Test
    void theClusterNeedsEachNodeOnceThenEachPoolThenEachTenant() {
        ClusterRecords records = ClusterRecords.of(zone, 300, layout(List.of(POOL_CA, POOL_AB),
                tenant("zeta.tandem.test", POOL_CA), tenant("acme.tandem.test", POOL_AB)));

        assertThat(lines(records.inZone())).hasSize(3 + 8 + 8).startsWith(
                "node-a.nodes.tandem.test. 300 IN A 127.0.0.2",
                "node-b.nodes.tandem.test. 300 IN A 127.0.0.3",
                "node-c.nodes.tandem.test. 300 IN A 127.0.0.4");
        assertThat(records.inZone().stream().map(record -> record.getName().toString()).distinct()).containsExactly(
                "node-a.nodes.tandem.test.", "node-b.nodes.tandem.test.", "node-c.nodes.tandem.test.",
                "_sip._udp.pool-ab.pools.tandem.test.", "_sip._tcp.pool-ab.pools.tandem.test.",
                "_sip._udp.pool-ca.pools.tandem.test.", "_sip._tcp.pool-ca.pools.tandem.test.",
                "_sip._udp.acme.tandem.test.", "_sip._tcp.acme.tandem.test.",
                "_sip._udp.zeta.tandem.test.", "_sip._tcp.zeta.tandem.test.");
        assertThat(records.outsideZone()).isEmpty();
    }

    @Test
    void theSameLayoutInAnotherOrderGivesTheSameRecords() {
        ClusterRecords one = ClusterRecords.of(zone, 60, layout(List.of(POOL_AB, POOL_CA),
                tenant("acme.tandem.test", POOL_AB), tenant("beta.tandem.test", POOL_CA)));
        ClusterRecords other = ClusterRecords.of(zone, 60, layout(List.of(POOL_CA, POOL_AB),
                tenant("beta.tandem.test", POOL_CA), tenant("acme.tandem.test", POOL_AB)));

        assertThat(lines(one.inZone())).isEqualTo(lines(other.inZone()));
    }

    @Test
    void aPoolOfOneNodeHasNoSecondary() {
        PoolServers solo = new PoolServers("Solo Pool", List.of(NODE_B));

        assertThat(lines(ClusterRecords.forPool(zone, 60, solo))).containsExactly(
                "_sip._udp.solo-pool.pools.tandem.test. 60 IN SRV 10 0 5060 node-b.nodes.tandem.test.",
                "_sip._tcp.solo-pool.pools.tandem.test. 60 IN SRV 10 0 5060 node-b.nodes.tandem.test.");
    }

    @Test
    void anIpv6NodeGetsAnAaaaRecord() {
        SipServer v6 = new SipServer("node-6", new NetworkAddress("[2001:db8::6]", 5060));

        assertThat(Bind9.line(ClusterRecords.address(zone, 60, v6)))
                .isEqualTo("node-6.nodes.tandem.test. 60 IN AAAA 2001:db8:0:0:0:0:0:6");
    }

    @Test
    void aTenantDomainOutsideTheZoneIsListedApartForTheOperator() {
        ClusterRecords records = ClusterRecords.of(zone, 60, layout(List.of(POOL_AB),
                tenant("acme.tandem.test", POOL_AB), tenant("pbx.customer.example", POOL_AB)));

        assertThat(lines(records.inZone())).noneMatch(line -> line.contains("customer.example"));
        assertThat(records.outsideZone()).containsOnlyKeys(new SipDomain("pbx.customer.example"));
        assertThat(lines(records.outsideZone().get(new SipDomain("pbx.customer.example"))))
                .contains("_sip._udp.pbx.customer.example. 60 IN SRV 10 0 5060 node-a.nodes.tandem.test.")
                .hasSize(4);
    }

    @Test
    void aNodeKnownByHostNameOrListeningEverywhereCannotBePublished() {
        PoolServers named = new PoolServers("named", List.of(new SipServer("node-h",
                new NetworkAddress("sip1.example.net", 5060))));
        PoolServers wildcard = new PoolServers("wildcard", List.of(new SipServer("node-w",
                new NetworkAddress("0.0.0.0", 5060))));

        assertThatThrownBy(() -> ClusterRecords.of(zone, 60, layout(List.of(named))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node node-h has the SIP host name sip1.example.net")
                .hasMessageContaining("TANDEM_SIP_ADDRESS");
        assertThatThrownBy(() -> ClusterRecords.of(zone, 60, layout(List.of(wildcard))))
                .hasMessageContaining("node node-w listens on every address (0.0.0.0)");
    }

    @Test
    void aLayoutDnsCannotShowIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ClusterRecords.of(zone, 60, layout(List.of(POOL_AB),
                new TenantDomain(new SipDomain("acme.tandem.test"), "gone-pool"))))
                .hasMessage("tenant domain acme.tandem.test is served by pool 'gone-pool', which is not in the cluster");
        assertThatThrownBy(() -> ClusterRecords.of(zone, 60, layout(List.of(POOL_AB),
                tenant("pool-ab.pools.tandem.test", POOL_AB))))
                .hasMessageContaining("is under a name Tandem keeps for nodes and pools");
        assertThatThrownBy(() -> ClusterRecords.of(zone, 60, layout(List.of(POOL_AB),
                tenant("acme.tandem.test", POOL_AB), tenant("ACME.tandem.test", POOL_AB))))
                .hasMessage("tenant domain acme.tandem.test appears twice");
        assertThatThrownBy(() -> ClusterRecords.of(zone, 60, layout(List.of(POOL_AB,
                new PoolServers("Pool AB", List.of(NODE_C))))))
                .hasMessage("pools 'pool-ab' and 'Pool AB' would both be pool-ab.pools.tandem.test. in DNS: rename one");
        assertThatThrownBy(() -> ClusterRecords.of(zone, 60, layout(List.of(POOL_AB,
                new PoolServers("moved", List.of(new SipServer("node-a", new NetworkAddress("127.0.0.9", 5060))))))))
                .hasMessage("node node-a has two SIP addresses: 127.0.0.2 and 127.0.0.9");
    }
}
