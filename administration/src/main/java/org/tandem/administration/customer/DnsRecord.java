package org.tandem.administration.customer;

/**
 * One record of the customer's DNS zone, as it goes into a zone file: {@code name ttl IN type value}.
 * Names are absolute (end in a dot), so the line means the same in any zone.
 */
public record DnsRecord(String name, int ttl, String type, String value) {

    public String zoneLine() {
        return name + " " + ttl + " IN " + type + " " + value;
    }
}
