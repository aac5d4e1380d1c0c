package org.tandem.router.dns;

import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.tenant.SipDomain;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * The records the cluster needs in DNS, computed from its layout alone, so every node computes the
 * same ones:
 * <ul>
 *   <li>each node: an A (or AAAA) record {@code <node>.nodes.<zone>} with its SIP address;</li>
 *   <li>each pool: SRV records {@code _sip._udp} and {@code _sip._tcp} at {@code <pool>.pools.<zone>},
 *       the primary at priority 10 and the secondary at 20, weight 0, the node's SIP port;</li>
 *   <li>each tenant domain: the same SRV records as its pool, at {@code _sip._udp.<domain>} and
 *       {@code _sip._tcp.<domain>}. They are copies rather than CNAMEs to the pool's, because a CNAME
 *       at an SRV name is one more thing a cheap phone's resolver can get wrong.</li>
 * </ul>
 * Records of a tenant domain outside the zone cannot be published there: they are listed apart, for
 * the operator to publish in the zone that holds them.
 *
 * @param zone        the zone the records are for
 * @param inZone      every record for the zone, in a stable order (nodes, pools, tenants, by name)
 * @param outsideZone tenant domains outside the zone, with their records
 */
public record ClusterRecords(ZoneNames zone, List<Record> inZone, SequencedMap<SipDomain, List<Record>> outsideZone) {

    public static final int PRIMARY_PRIORITY = 10;
    /** RFC 2782: weight 0 when there is no choice to make among records of one priority. */
    public static final int WEIGHT = 0;

    public static ClusterRecords of(ZoneNames zone, long ttlSeconds, ClusterLayout layout) {
        Map<String, PoolServers> poolsByName = new HashMap<>();
        SequencedMap<Name, List<Record>> addresses = new TreeMap<>();
        SequencedMap<Name, List<Record>> pools = new TreeMap<>();
        Map<Name, String> poolNamesByDomain = new HashMap<>();
        for (PoolServers pool : layout.pools()) {
            Name poolDomain = zone.pool(pool.name());
            String clash = poolNamesByDomain.putIfAbsent(poolDomain, pool.name());
            if (clash != null) {
                throw new IllegalArgumentException("pools '" + clash + "' and '" + pool.name() + "' would both be "
                        + poolDomain + " in DNS: rename one");
            }
            poolsByName.put(pool.name(), pool);
            pools.put(poolDomain, forPool(zone, ttlSeconds, pool));
            for (SipServer node : pool.nodesInOrder()) {
                Record address = address(zone, ttlSeconds, node);
                List<Record> earlier = addresses.putIfAbsent(address.getName(), List.of(address));
                if (earlier != null && !earlier.getFirst().equals(address)) {
                    throw new IllegalArgumentException("node " + node.nodeName() + " has two SIP addresses: "
                            + earlier.getFirst().rdataToString() + " and " + address.rdataToString());
                }
            }
        }
        SequencedMap<Name, List<Record>> tenants = new TreeMap<>();
        SequencedMap<SipDomain, List<Record>> outsideZone = new TreeMap<>(
                (a, b) -> a.name().compareTo(b.name()));
        for (TenantDomain tenant : layout.tenants()) {
            PoolServers pool = poolsByName.get(tenant.poolName());
            if (pool == null) {
                throw new IllegalArgumentException("tenant domain " + tenant.domain() + " is served by pool '"
                        + tenant.poolName() + "', which is not in the cluster");
            }
            Name domain = ZoneNames.absolute(tenant.domain().name());
            if (zone.isReserved(domain)) {
                throw new IllegalArgumentException("tenant domain " + tenant.domain()
                        + " is under a name Tandem keeps for nodes and pools: give the tenant another domain");
            }
            List<Record> records = forTenant(zone, ttlSeconds, domain, pool);
            boolean first = zone.contains(domain)
                    ? tenants.putIfAbsent(domain, records) == null
                    : outsideZone.putIfAbsent(tenant.domain(), records) == null;
            if (!first) {
                throw new IllegalArgumentException("tenant domain " + tenant.domain() + " appears twice");
            }
        }
        List<Record> inZone = new ArrayList<>();
        List.of(addresses, pools, tenants).forEach(group -> group.values().forEach(inZone::addAll));
        return new ClusterRecords(zone, List.copyOf(inZone), Collections.unmodifiableSequencedMap(outsideZone));
    }

    /** A pool's SRV records at {@code <pool>.pools.<zone>}. */
    static List<Record> forPool(ZoneNames zone, long ttlSeconds, PoolServers pool) {
        return serviceRecords(zone, ttlSeconds, zone.pool(pool.name()), pool);
    }

    /** A tenant domain's SRV records: the same targets as its pool's, at the tenant's own domain. */
    static List<Record> forTenant(ZoneNames zone, long ttlSeconds, Name domain, PoolServers pool) {
        return serviceRecords(zone, ttlSeconds, domain, pool);
    }

    private static List<Record> serviceRecords(ZoneNames zone, long ttlSeconds, Name domain, PoolServers pool) {
        List<Record> records = new ArrayList<>();
        for (SipTransport transport : SipTransport.values()) {
            Name service = transport.serviceAt(domain);
            int priority = PRIMARY_PRIORITY;
            for (SipServer node : pool.nodesInOrder()) {
                records.add(new SRVRecord(service, DClass.IN, ttlSeconds, priority, WEIGHT, node.sipAddress().port(),
                        zone.node(node.nodeName())));
                priority += PRIMARY_PRIORITY;
            }
        }
        return records;
    }

    /** A node's A or AAAA record; its SIP host must be an IP address phones can reach. */
    static Record address(ZoneNames zone, long ttlSeconds, SipServer node) {
        Name name = zone.node(node.nodeName());
        InetAddress address = ipAddress(node);
        return address instanceof Inet4Address
                ? new ARecord(name, DClass.IN, ttlSeconds, address)
                : new AAAARecord(name, DClass.IN, ttlSeconds, address);
    }

    private static InetAddress ipAddress(SipServer node) {
        NetworkAddress sip = node.sipAddress();
        String host = sip.host().replaceAll("^\\[|]$", "");
        byte[] bytes = Address.toByteArray(host, Address.IPv4);
        if (bytes == null) {
            bytes = Address.toByteArray(host, Address.IPv6);
        }
        if (bytes == null) {
            throw new IllegalArgumentException("node " + node.nodeName() + " has the SIP host name " + sip.host()
                    + ": Tandem publishes nodes as A/AAAA records, so give it an IP address (TANDEM_SIP_ADDRESS)");
        }
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            if (address.isAnyLocalAddress()) {
                throw new IllegalArgumentException("node " + node.nodeName() + " listens on every address (" + sip.host()
                        + "): phones need one they can reach, so give it its own IP address (TANDEM_SIP_ADDRESS)");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }
}
