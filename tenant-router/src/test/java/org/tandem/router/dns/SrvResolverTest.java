package org.tandem.router.dns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.tenant.SipDomain;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.router.dns.TestLayouts.POOL_AB;
import static org.tandem.router.dns.TestLayouts.POOL_CA;
import static org.tandem.router.dns.TestLayouts.layout;
import static org.tandem.router.dns.TestLayouts.tenant;

/** A phone's view: what the SRV resolver finds in a real bind9 for a tenant domain, in the order a phone tries it. */
class SrvResolverTest {

    @RegisterExtension
    static final Bind9 bind = new Bind9(Bind9.OPERATOR_RECORDS + """
                plain                 IN A     192.0.2.10
                _sip._udp.nosip       IN SRV   0 0 0 .
                _sip._udp.weighted    IN SRV   20 0 5060 plain
                _sip._udp.weighted    IN SRV   10 70 5080 plain
                _sip._udp.weighted    IN SRV   10 30 5090 plain
                """);

    private static SrvResolver resolver() {
        return new SrvResolver(bind.address(), Duration.ofSeconds(5));
    }

    private static void publish(ClusterLayout layout) {
        new ZonePublisher(bind.client(Bind9.PUBLISHER), bind.names())
                .publish(ClusterRecords.of(bind.names(), 60, layout).inZone());
    }

    private static List<String> targets(String domain, SipTransport transport) {
        return resolver().resolve(new SipDomain(domain), transport).stream()
                .map(target -> target.priority() + " " + target.host() + " " + target.socketAddresses())
                .toList();
    }

    @Test
    void aTenantsPhonesTryThePrimaryThenTheSecondaryAndFollowAMove() {
        publish(layout(List.of(POOL_AB, POOL_CA), tenant("acme.tandem.test", POOL_AB)));

        assertThat(targets("acme.tandem.test", SipTransport.UDP)).containsExactly(
                "10 node-a.nodes.tandem.test [/127.0.0.2:5060]",
                "20 node-b.nodes.tandem.test [/127.0.0.3:5060]");

        publish(layout(List.of(POOL_AB, POOL_CA), tenant("acme.tandem.test", POOL_CA)));

        assertThat(targets("acme.tandem.test", SipTransport.TCP)).containsExactly(
                "10 node-c.nodes.tandem.test [/127.0.0.4:5070]",
                "20 node-a.nodes.tandem.test [/127.0.0.2:5060]");
    }

    @Test
    void recordsOfOnePriorityAreAllTriedBeforeTheNextPriority() {
        List<SipTarget> targets = resolver().resolve(new SipDomain("weighted.tandem.test"), SipTransport.UDP);

        assertThat(targets).extracting(SipTarget::priority).containsExactly(10, 10, 20);
        assertThat(targets.subList(0, 2)).extracting(SipTarget::port).containsExactlyInAnyOrder(5080, 5090);
        assertThat(targets.getLast().port()).isEqualTo(5060);
    }

    @Test
    void aDomainWithoutSrvRecordsIsTriedAtItsOwnAddressOnPort5060() {
        assertThat(targets("plain.tandem.test", SipTransport.UDP)).containsExactly(
                "0 plain.tandem.test [/192.0.2.10:5060]");
    }

    @Test
    void aDomainThatSaysNoSipOrDoesNotExistHasNoTarget() {
        assertThat(targets("nosip.tandem.test", SipTransport.UDP)).isEmpty();
        assertThat(targets("nobody.tandem.test", SipTransport.UDP)).isEmpty();
    }

    @Test
    void aResolverThatGetsNoAnswerSaysSo() throws Exception {
        int silentPort;
        // a bound socket that never answers: the query times out
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            silentPort = silent.getLocalPort();
            SrvResolver deaf = new SrvResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), silentPort),
                    Duration.ofMillis(500));

            assertThatThrownBy(() -> deaf.resolve(new SipDomain("acme.tandem.test"), SipTransport.UDP))
                    .isInstanceOf(DnsException.class)
                    .hasMessageStartingWith("looking up SRV _sip._udp.acme.tandem.test. failed: ");
        }
    }
}
