package org.tandem.router.dns;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.router.dns.ZonePublisher.Publication;
import org.xbill.DNS.Type;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.router.dns.TestLayouts.NODE_A;
import static org.tandem.router.dns.TestLayouts.NODE_B;
import static org.tandem.router.dns.TestLayouts.NODE_C;
import static org.tandem.router.dns.TestLayouts.POOL_AB;
import static org.tandem.router.dns.TestLayouts.POOL_CA;
import static org.tandem.router.dns.TestLayouts.layout;
import static org.tandem.router.dns.TestLayouts.tenant;

/** Publishing into a real bind9 by signed RFC 2136 updates, checked by asking the server as any resolver would. */
class ZonePublisherTest {

    @RegisterExtension
    static final Bind9 bind = new Bind9();

    private ZonePublisher publisher;

    @BeforeEach
    void emptyTheZoneOfTandemsRecords() {
        publisher = new ZonePublisher(bind.client(Bind9.PUBLISHER), bind.names());
        publisher.publish(List.of());
    }

    private Publication publish(ClusterLayout layout) {
        return publisher.publish(ClusterRecords.of(bind.names(), 60, layout).inZone());
    }

    @Test
    void aPoolAndItsTenantAppearInTheZone() {
        Publication publication = publish(layout(List.of(POOL_AB), tenant("acme.tandem.test", POOL_AB)));

        assertThat(publication.added()).isEqualTo(2 + 4 + 4);
        assertThat(bind.query("_sip._udp.acme.tandem.test.", Type.SRV)).containsExactly(
                "_sip._udp.acme.tandem.test. 60 IN SRV 10 0 5060 node-a.nodes.tandem.test.",
                "_sip._udp.acme.tandem.test. 60 IN SRV 20 0 5060 node-b.nodes.tandem.test.");
        assertThat(bind.query("_sip._tcp.pool-ab.pools.tandem.test.", Type.SRV)).containsExactly(
                "_sip._tcp.pool-ab.pools.tandem.test. 60 IN SRV 10 0 5060 node-a.nodes.tandem.test.",
                "_sip._tcp.pool-ab.pools.tandem.test. 60 IN SRV 20 0 5060 node-b.nodes.tandem.test.");
        assertThat(bind.query("node-b.nodes.tandem.test.", Type.A))
                .containsExactly("node-b.nodes.tandem.test. 60 IN A 127.0.0.3");
    }

    @Test
    void publishingWhatIsAlreadyThereSendsNoUpdate() {
        ClusterLayout layout = layout(List.of(POOL_AB), tenant("acme.tandem.test", POOL_AB));
        long serial = publish(layout).serial();
        List<String> zone = bind.zone();

        Publication again = publish(layout);
        // a new publisher knows nothing of the last run: it reads the zone and still finds nothing to do
        Publication fresh = new ZonePublisher(bind.client(Bind9.PUBLISHER), bind.names())
                .publish(ClusterRecords.of(bind.names(), 60, layout).inZone());

        assertThat(List.of(again, fresh)).allSatisfy(run -> assertThat(run).isEqualTo(new Publication(0, 0, 0, serial)));
        assertThat(bind.zone()).isEqualTo(zone);
    }

    @Test
    void aTenantMovedToAnotherPoolIsFoundThereAndNoLongerOnTheOld() {
        publish(layout(List.of(POOL_AB, POOL_CA), tenant("acme.tandem.test", POOL_AB)));

        Publication move = publish(layout(List.of(POOL_AB, POOL_CA), tenant("acme.tandem.test", POOL_CA)));

        assertThat(move.updates()).isEqualTo(1);
        assertThat(move.added()).isEqualTo(4);
        assertThat(move.deleted()).isEqualTo(4);
        assertThat(bind.query("_sip._udp.acme.tandem.test.", Type.SRV)).containsExactly(
                "_sip._udp.acme.tandem.test. 60 IN SRV 10 0 5070 node-c.nodes.tandem.test.",
                "_sip._udp.acme.tandem.test. 60 IN SRV 20 0 5060 node-a.nodes.tandem.test.");
    }

    @Test
    void aNodeThatChangedAddressIsFoundAtItsNewAddress() {
        publish(layout(List.of(POOL_AB), tenant("acme.tandem.test", POOL_AB)));
        SipServer movedB = new SipServer("node-b", new NetworkAddress("127.0.0.30", 5060));

        publish(layout(List.of(new PoolServers("pool-ab", List.of(NODE_A, movedB))), tenant("acme.tandem.test", POOL_AB)));

        assertThat(bind.query("node-b.nodes.tandem.test.", Type.A))
                .containsExactly("node-b.nodes.tandem.test. 60 IN A 127.0.0.30");
    }

    @Test
    void whatTheClusterNoLongerHasLeavesTheZoneAndTheOperatorsRecordsStay() {
        List<String> operatorsBefore = operatorsRecords();
        publish(layout(List.of(POOL_AB, POOL_CA), tenant("acme.tandem.test", POOL_AB),
                tenant("gone.tandem.test", POOL_CA)));

        Publication removal = publish(layout(List.of(POOL_AB), tenant("acme.tandem.test", POOL_AB)));

        assertThat(removal.deleted()).isEqualTo(1 + 4 + 4);
        assertThat(bind.query("_sip._udp.gone.tandem.test.", Type.SRV)).isEmpty();
        assertThat(bind.query("_sip._udp.pool-ca.pools.tandem.test.", Type.SRV)).isEmpty();
        assertThat(bind.query("node-c.nodes.tandem.test.", Type.A)).isEmpty();
        assertThat(bind.query("node-a.nodes.tandem.test.", Type.A)).hasSize(1);
        assertThat(operatorsRecords()).isEqualTo(operatorsBefore).hasSize(5);
    }

    @Test
    void aRecordSomeoneDeletedByHandIsPutBackOnTheNextRun() throws Exception {
        ClusterLayout layout = layout(List.of(POOL_AB), tenant("acme.tandem.test", POOL_AB));
        publish(layout);
        org.xbill.DNS.Update byHand = new org.xbill.DNS.Update(bind.names().zone());
        byHand.delete(bind.names().node(NODE_B.nodeName()), Type.A);
        bind.client(Bind9.PUBLISHER).update(byHand);

        Publication repair = publish(layout);

        assertThat(repair.added()).isEqualTo(1);
        assertThat(bind.query("node-b.nodes.tandem.test.", Type.A)).hasSize(1);
    }

    @Test
    void aLargeClusterIsSentInSeveralUpdates() {
        List<TenantDomain> tenants = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            tenants.add(tenant("t" + i + ".tandem.test", i % 2 == 0 ? POOL_AB : POOL_CA));
        }

        Publication publication = publish(new ClusterLayout(List.of(POOL_AB, POOL_CA), tenants));

        assertThat(publication.added()).isEqualTo(3 + 8 + 300 * 4);
        assertThat(publication.updates()).isGreaterThan(1);
        assertThat(bind.zone().stream().filter(line -> line.contains(" SRV ") && line.contains(".nodes.tandem.test.")))
                .hasSize(8 + 300 * 4);
        assertThat(bind.query("_sip._tcp.t299.tandem.test.", Type.SRV)).first().asString()
                .endsWith("10 0 5070 " + NODE_C.nodeName() + ".nodes.tandem.test.");
    }

    private List<String> operatorsRecords() {
        return bind.zone().stream().filter(line -> !line.contains(".nodes.tandem.test.")
                && !line.contains(".pools.tandem.test.") && !line.contains(" SOA ")).toList();
    }
}
