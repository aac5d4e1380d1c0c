package org.tandem.domain.registration;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a REGISTER came from: the transport and the source address and port of the packet (not what
 * the phone wrote in its headers). A phone behind NAT can only be reached back over this flow.
 * Written as {@code udp:192.0.2.7:5060}, IPv6 addresses in brackets.
 */
public record Flow(String transport, String address, int port) {

    private static final Set<String> TRANSPORTS = Set.of("udp", "tcp", "tls", "sctp", "ws", "wss");

    public Flow {
        transport = Objects.requireNonNull(transport, "transport").toLowerCase(Locale.ROOT);
        if (!TRANSPORTS.contains(transport)) {
            throw new IllegalArgumentException("unknown transport: " + transport);
        }
        Objects.requireNonNull(address, "address");
        if (address.isBlank() || address.length() > 64) {
            throw new IllegalArgumentException("bad source address: " + address);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
        }
    }

    public static Flow parse(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first < 0 || last <= first) {
            throw new IllegalArgumentException("not a flow: " + text);
        }
        String address = text.substring(first + 1, last);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        return new Flow(text.substring(0, first), address, Integer.parseInt(text.substring(last + 1)));
    }

    @Override
    public String toString() {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return transport + ":" + host + ":" + port;
    }
}
