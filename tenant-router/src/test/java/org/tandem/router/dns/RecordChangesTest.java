package org.tandem.router.dns;

import org.junit.jupiter.api.Test;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.router.dns.RecordChanges.NameChange;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.router.dns.TestLayouts.NODE_A;
import static org.tandem.router.dns.TestLayouts.NODE_B;
import static org.tandem.router.dns.TestLayouts.NODE_C;
import static org.tandem.router.dns.TestLayouts.POOL_AB;
import static org.tandem.router.dns.TestLayouts.POOL_CA;
import static org.tandem.router.dns.TestLayouts.layout;
import static org.tandem.router.dns.TestLayouts.lines;
import static org.tandem.router.dns.TestLayouts.tenant;

class RecordChangesTest {

    private final ZoneNames zone = new ZoneNames("tandem.test");

    private List<Record> records(ClusterLayout layout, long ttl) {
        return ClusterRecords.of(zone, ttl, layout).inZone();
    }

    @Test
    void aZoneThatSaysWhatTheClusterNeedsNeedsNothing() {
        List<Record> wanted = records(layout(List.of(POOL_AB), tenant("acme.tandem.test", POOL_AB)), 60);
        // servers may hand names back in another case; DNS names compare without case
        List<Record> fromServer = wanted.stream()
                .map(record -> record.withName(ZoneNames.name(record.getName().toString().toUpperCase(), null)))
                .toList();

        assertThat(RecordChanges.between(fromServer.reversed(), wanted).isEmpty()).isTrue();
    }

    @Test
    void aTenantMovingToAnotherPoolChangesOnlyItsOwnNames() {
        List<Record> before = records(layout(List.of(POOL_AB, POOL_CA), tenant("acme.tandem.test", POOL_AB)), 60);
        List<Record> after = records(layout(List.of(POOL_AB, POOL_CA), tenant("acme.tandem.test", POOL_CA)), 60);

        RecordChanges changes = RecordChanges.between(before, after);

        assertThat(changes.changes()).extracting(change -> change.name().toString())
                .containsExactlyInAnyOrder("_sip._udp.acme.tandem.test.", "_sip._tcp.acme.tandem.test.");
        NameChange udp = changes.changes().stream()
                .filter(change -> change.name().equals(SipTransport.UDP.serviceAt(ZoneNames.absolute("acme.tandem.test"))))
                .findFirst().orElseThrow();
        assertThat(lines(udp.deletions())).containsExactlyInAnyOrder(
                "_sip._udp.acme.tandem.test. 60 IN SRV 10 0 5060 node-a.nodes.tandem.test.",
                "_sip._udp.acme.tandem.test. 60 IN SRV 20 0 5060 node-b.nodes.tandem.test.");
        assertThat(lines(udp.additions())).containsExactlyInAnyOrder(
                "_sip._udp.acme.tandem.test. 60 IN SRV 10 0 5070 node-c.nodes.tandem.test.",
                "_sip._udp.acme.tandem.test. 60 IN SRV 20 0 5060 node-a.nodes.tandem.test.");
    }

    @Test
    void aNodeChangingAddressChangesItsAddressRecordOnly() {
        SipServer movedB = new SipServer("node-b", new NetworkAddress("127.0.0.30", 5060));
        List<Record> before = records(layout(List.of(POOL_AB), tenant("acme.tandem.test", POOL_AB)), 60);
        List<Record> after = records(layout(List.of(new PoolServers("pool-ab", List.of(NODE_A, movedB))),
                tenant("acme.tandem.test", POOL_AB)), 60);

        RecordChanges changes = RecordChanges.between(before, after);

        assertThat(changes.changes()).singleElement().satisfies(change -> {
            assertThat(lines(change.deletions())).containsExactly("node-b.nodes.tandem.test. 60 IN A 127.0.0.3");
            assertThat(lines(change.additions())).containsExactly("node-b.nodes.tandem.test. 60 IN A 127.0.0.30");
        });
    }

    @Test
    void aNewTtlReplacesEveryRecord() {
        List<Record> before = records(layout(List.of(POOL_AB)), 60);
        List<Record> after = records(layout(List.of(POOL_AB)), 300);

        RecordChanges changes = RecordChanges.between(before, after);

        assertThat(changes.deletions()).isEqualTo(before.size());
        assertThat(changes.additions()).isEqualTo(after.size());
    }

    @Test
    void batchesSendNewAddressesFirstAndRemovalsLastWithoutSplittingAName() {
        List<Record> before = records(layout(List.of(POOL_AB), tenant("gone.tandem.test", POOL_AB)), 60);
        List<Record> after = records(layout(List.of(POOL_CA), tenant("acme.tandem.test", POOL_CA)), 60);

        List<List<NameChange>> batches = RecordChanges.between(before, after).batches(4);

        List<NameChange> inOrder = batches.stream().flatMap(List::stream).toList();
        assertThat(inOrder.getFirst().name()).isEqualTo(zone.node(NODE_C.nodeName()));
        assertThat(inOrder.getLast().name()).isEqualTo(zone.node(NODE_B.nodeName()));
        assertThat(inOrder.getLast().additions()).isEmpty();
        int firstRemovalOnly = IntStream.range(0, inOrder.size())
                .filter(i -> inOrder.get(i).additions().isEmpty()).findFirst().orElseThrow();
        assertThat(inOrder.subList(firstRemovalOnly, inOrder.size())).allMatch(change -> change.additions().isEmpty());
        assertThat(batches).allSatisfy(batch -> assertThat(batch.stream().mapToInt(NameChange::size).sum())
                .isLessThanOrEqualTo(4));
        assertThat(inOrder.stream().map(NameChange::name).distinct()).hasSameSizeAs(inOrder);
    }

    @Test
    void aNameWithMoreChangesThanABatchHoldsGoesAlone() {
        List<Record> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.addAll(ClusterRecords.forTenant(zone, 60, Name.fromConstantString("t" + i + ".tandem.test."),
                    POOL_AB));
        }

        List<List<NameChange>> batches = RecordChanges.between(List.of(), many).batches(1);

        assertThat(batches).hasSize(10).allSatisfy(batch -> assertThat(batch).hasSize(1));
        assertThat(batches.getFirst().getFirst().additions()).hasSize(2);
    }
}
