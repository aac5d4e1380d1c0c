package org.tandem.router.dns;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZoneNamesTest {

    private final ZoneNames zone = new ZoneNames("Tandem.Test");

    @Test
    void nodesAndPoolsHaveASubdomainEach() {
        assertThat(zone.zone()).hasToString("tandem.test.");
        assertThat(zone.node("node-a")).hasToString("node-a.nodes.tandem.test.");
        assertThat(zone.pool("pool-ab")).hasToString("pool-ab.pools.tandem.test.");
        assertThat(SipTransport.TCP.serviceAt(zone.pool("pool-ab"))).hasToString("_sip._tcp.pool-ab.pools.tandem.test.");
    }

    @Test
    void aPoolNameBecomesOneLabel() {
        assertThat(ZoneNames.poolLabel("Frankfurt A (rack 2)")).isEqualTo("frankfurt-a-rack-2");
        assertThat(ZoneNames.poolLabel("x".repeat(70) + "-y")).hasSize(63);
        assertThatThrownBy(() -> ZoneNames.poolLabel("--!!--"))
                .hasMessage("pool '--!!--' has no letter or digit to name it in DNS");
    }

    @Test
    void aZoneIsRequired() {
        assertThatThrownBy(() -> new ZoneNames(" ")).hasMessageContaining("the DNS zone is required");
        assertThatThrownBy(() -> new ZoneNames(".")).hasMessageContaining("not publish into the root zone");
        assertThatThrownBy(() -> new ZoneNames("bad..zone")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tandemOwnsNodesPoolsAndSipServiceRecordsPointingAtItsNodes() throws IOException {
        assertThat(zone.isTandems(record("node-z.nodes.tandem.test.", Type.A, "192.0.2.1"))).isTrue();
        assertThat(zone.isTandems(record("nodes.tandem.test.", Type.TXT, "\"the subdomain is Tandem's whole\"")))
                .isTrue();
        assertThat(zone.isTandems(record("_sip._udp.old.pools.tandem.test.", Type.SRV,
                "10 0 5060 sip.example.net."))).isTrue();
        assertThat(zone.isTandems(record("_sip._tcp.acme.tandem.test.", Type.SRV,
                "20 0 5060 node-b.nodes.tandem.test."))).isTrue();
        assertThat(zone.isTandems(record("_SIP._UDP.pbx.customer.example.", Type.SRV,
                "10 0 5060 NODE-A.NODES.tandem.test."))).isTrue();
    }

    @Test
    void everythingElseInTheZoneIsTheOperators() throws IOException {
        assertThat(zone.isTandems(record("www.tandem.test.", Type.A, "192.0.2.80"))).isFalse();
        assertThat(zone.isTandems(record("_sip._udp.legacy.tandem.test.", Type.SRV,
                "10 0 5060 sip.example.net."))).isFalse();
        assertThat(zone.isTandems(record("_xmpp._tcp.acme.tandem.test.", Type.SRV,
                "10 0 5222 node-a.nodes.tandem.test."))).isFalse();
        assertThat(zone.isTandems(record("_sip._udp.acme.tandem.test.", Type.TXT, "\"note\""))).isFalse();
    }

    private static Record record(String name, int type, String data) throws IOException {
        return Record.fromString(name(name), type, DClass.IN, 60, data, Name.root);
    }

    private static Name name(String text) throws TextParseException {
        return Name.fromString(text);
    }
}
