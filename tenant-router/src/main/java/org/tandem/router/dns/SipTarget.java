package org.tandem.router.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * One place to send SIP for a domain, from its SRV record (or from the domain's own address records
 * at port 5060 when it has none), with the addresses the target name resolves to.
 */
public record SipTarget(String host, int port, int priority, int weight, List<InetAddress> addresses) {

    public SipTarget {
        addresses = List.copyOf(addresses);
    }

    public List<InetSocketAddress> socketAddresses() {
        return addresses.stream().map(address -> new InetSocketAddress(address, port)).toList();
    }
}
