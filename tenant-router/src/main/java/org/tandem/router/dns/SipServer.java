package org.tandem.router.dns;

import org.tandem.domain.node.NetworkAddress;

import java.util.Objects;

/** A node as DNS shows it: its name and the address phones send SIP to. */
public record SipServer(String nodeName, NetworkAddress sipAddress) {

    public SipServer {
        Objects.requireNonNull(nodeName, "node name");
        Objects.requireNonNull(sipAddress, "SIP address");
    }
}
