package org.tandem.administration.customer;

import org.junit.jupiter.api.Test;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.tenant.SipDomain;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DnsRecordsTest {

    @Test
    void anIpv6NodeGetsANameAndAnAaaaRecord() {
        Node node = new Node("edge-1", new NetworkAddress("[2001:db8::5]", 5060), "2001:db8::5");

        assertThat(DnsRecords.of(new SipDomain("pbx.example.org"), List.of(node))).extracting(DnsRecord::zoneLine)
                .containsExactly(
                        "_sip._udp.pbx.example.org. 300 IN SRV 10 0 5060 edge-1.pbx.example.org.",
                        "_sip._tcp.pbx.example.org. 300 IN SRV 10 0 5060 edge-1.pbx.example.org.",
                        "edge-1.pbx.example.org. 300 IN AAAA 2001:db8::5");
    }
}
