package org.tandem.administration.customer;

import org.tandem.domain.node.Node;
import org.tandem.domain.tenant.SipDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The records a customer's SIP domain needs so that phones find its pool (RFC 3263): SRV for SIP over
 * UDP and TCP, the pool's primary at priority 10 and its secondary at 20, so phones fail over in
 * order. An SRV target must be a host name (RFC 2782); a node known only by its IP address gets a
 * name under the customer's domain and an A (or AAAA) record for it.
 */
public final class DnsRecords {

    /** Short enough that a changed pool reaches phones within minutes. */
    static final int TTL_SECONDS = 300;
    private static final int FIRST_PRIORITY = 10;
    private static final int PRIORITY_STEP = 10;
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private DnsRecords() {
    }

    /** The records for {@code domain} served by {@code nodesInOrder} (primary first). */
    public static List<DnsRecord> of(SipDomain domain, List<Node> nodesInOrder) {
        List<DnsRecord> srv = new ArrayList<>();
        List<DnsRecord> addresses = new ArrayList<>();
        for (String transport : List.of("udp", "tcp")) {
            int priority = FIRST_PRIORITY;
            for (Node node : nodesInOrder) {
                srv.add(new DnsRecord("_sip._" + transport + "." + domain.name() + ".", TTL_SECONDS, "SRV",
                        priority + " 0 " + node.sipAddress().port() + " " + target(domain, node)));
                priority += PRIORITY_STEP;
            }
        }
        for (Node node : nodesInOrder) {
            String host = node.sipAddress().host();
            if (isAddress(host)) {
                addresses.add(new DnsRecord(target(domain, node), TTL_SECONDS, host.contains(":") ? "AAAA" : "A",
                        host.replace("[", "").replace("]", "")));
            }
        }
        srv.addAll(addresses);
        return List.copyOf(srv);
    }

    private static String target(SipDomain domain, Node node) {
        String host = node.sipAddress().host();
        return isAddress(host) ? node.name() + "." + domain.name() + "." : host + ".";
    }

    private static boolean isAddress(String host) {
        return host.contains(":") || IPV4.matcher(host).matches();
    }
}
