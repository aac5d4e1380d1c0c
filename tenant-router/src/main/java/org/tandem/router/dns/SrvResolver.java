package org.tandem.router.dns;

import org.tandem.domain.tenant.SipDomain;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds where to send SIP for a domain the way RFC 3263 tells a phone to: the domain's SRV records
 * for the transport in RFC 2782 order (priority, then a weighted random draw), each target with its
 * addresses; a domain without SRV records is tried at its own addresses on port 5060; a lone SRV
 * record with target "." says the domain offers no SIP. Each call asks the server afresh (nothing is
 * cached between calls), as a phone does once its cached records expire.
 */
public final class SrvResolver {

    public static final int DEFAULT_SIP_PORT = 5060;

    private final Resolver resolver;

    /** Asks {@code server} (a recursive resolver, or the zone's authoritative server). */
    public SrvResolver(InetSocketAddress server, Duration timeout) {
        SimpleResolver simple = new SimpleResolver(server);
        simple.setTimeout(timeout);
        this.resolver = simple;
    }

    /** The targets in the order to try them; empty when the domain has no SIP service. */
    public List<SipTarget> resolve(SipDomain domain, SipTransport transport) {
        Cache cache = new Cache();
        Name name = ZoneNames.absolute(domain.name());
        List<SRVRecord> services = lookup(transport.serviceAt(name), Type.SRV, cache).stream()
                .map(SRVRecord.class::cast).toList();
        if (services.isEmpty()) {
            List<InetAddress> addresses = addresses(name, cache);
            return addresses.isEmpty() ? List.of()
                    : List.of(new SipTarget(domain.name(), DEFAULT_SIP_PORT, 0, 0, addresses));
        }
        if (services.size() == 1 && services.getFirst().getTarget().equals(Name.root)) {
            return List.of();
        }
        return SrvOrder.order(services, sum -> ThreadLocalRandom.current().nextLong(sum + 1)).stream()
                .map(service -> new SipTarget(service.getTarget().toString(true), service.getPort(),
                        service.getPriority(), service.getWeight(), addresses(service.getTarget(), cache)))
                .toList();
    }

    private List<InetAddress> addresses(Name host, Cache cache) {
        List<InetAddress> addresses = new ArrayList<>();
        lookup(host, Type.A, cache).forEach(record -> addresses.add(bare(((ARecord) record).getAddress())));
        lookup(host, Type.AAAA, cache).forEach(record -> addresses.add(bare(((AAAARecord) record).getAddress())));
        return addresses;
    }

    /** The address without the name dnsjava attaches, so it prints and compares as an address. */
    private static InetAddress bare(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.getAddress().length + " bytes", e);
        }
    }

    private List<Record> lookup(Name name, int type, Cache cache) {
        Lookup lookup = new Lookup(name, type);
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        // what the DNS says, not this machine's /etc/hosts
        lookup.setHostsFileParser(null);
        Record[] records = lookup.run();
        return switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> List.of(records);
            case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND -> List.of();
            default -> throw new DnsException("looking up " + Type.string(type) + " " + name + " failed: "
                    + lookup.getErrorString(), null);
        };
    }
}
