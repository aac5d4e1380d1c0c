package org.tandem.router.dns;

import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.util.Locale;

/**
 * Where Tandem's records sit in the operator's zone, and how to tell them from the operator's own.
 *
 * <p>Tandem owns two subdomains outright: {@code nodes.<zone>} (an address record per node) and
 * {@code pools.<zone>} (each pool's SRV records). A tenant domain's SRV records are Tandem's when
 * they point at a node under {@code nodes.<zone>}. That rule lets a publisher on any node, after any
 * restart, find and remove the records of a tenant deleted since, without keeping state of its own,
 * while everything else in the zone (the operator's web site, mail, other SRV records) is left alone.
 */
public final class ZoneNames {

    private final Name zone;
    private final Name nodes;
    private final Name pools;

    public ZoneNames(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("the DNS zone is required, like pbx.example.net");
        }
        String absolute = zone.strip().toLowerCase(Locale.ROOT);
        this.zone = name(absolute.endsWith(".") ? absolute : absolute + ".", null);
        if (this.zone.labels() < 2) {
            throw new IllegalArgumentException("Tandem does not publish into the root zone: " + zone);
        }
        this.nodes = name("nodes", this.zone);
        this.pools = name("pools", this.zone);
    }

    public Name zone() {
        return zone;
    }

    /** A node's address record: {@code <node>.nodes.<zone>}, the target of every SRV record naming it. */
    public Name node(String nodeName) {
        return name(nodeName, nodes);
    }

    /** The domain a pool's SRV records hang under: {@code <pool label>.pools.<zone>}. */
    public Name pool(String poolName) {
        return name(poolLabel(poolName), pools);
    }

    /**
     * A pool's name as one DNS label: lower case, every run of other characters than letters and
     * digits made one hyphen ("Frankfurt A" becomes {@code frankfurt-a}).
     */
    static String poolLabel(String poolName) {
        String label = poolName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (label.length() > 63) {
            label = label.substring(0, 63).replaceAll("-+$", "");
        }
        if (label.isEmpty()) {
            throw new IllegalArgumentException("pool '" + poolName + "' has no letter or digit to name it in DNS");
        }
        return label;
    }

    public boolean contains(Name name) {
        return name.subdomain(zone);
    }

    /** Names under {@code nodes.} and {@code pools.}, which Tandem owns whole. */
    public boolean isReserved(Name name) {
        return name.subdomain(nodes) || name.subdomain(pools);
    }

    /** Whether Tandem published this record (see the class comment), so may replace or delete it. */
    public boolean isTandems(Record record) {
        if (isReserved(record.getName())) {
            return true;
        }
        return record.getType() == Type.SRV && SipTransport.isSipService(record.getName())
                && ((SRVRecord) record).getTarget().subdomain(nodes);
    }

    /** {@code text} as a DNS name, relative to {@code origin} (absolute when origin is null). */
    static Name name(String text, Name origin) {
        try {
            return Name.fromString(text, origin);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + text + (origin == null ? "" : "." + origin), e);
        }
    }

    /** An absolute DNS name for a name written without the final dot (a SIP domain). */
    static Name absolute(String text) {
        try {
            return Name.concatenate(name(text, null), Name.root);
        } catch (NameTooLongException e) {
            throw new IllegalArgumentException("DNS name too long: " + text, e);
        }
    }

    @Override
    public String toString() {
        return zone.toString();
    }
}
