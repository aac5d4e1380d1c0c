package org.tandem.api.customer;

/** One record the customer's DNS zone needs, and the same as a zone-file line. */
public record DnsRecord(String name, int ttl, String type, String value, String zoneLine) {

    static DnsRecord of(org.tandem.administration.customer.DnsRecord record) {
        return new DnsRecord(record.name(), record.ttl(), record.type(), record.value(), record.zoneLine());
    }
}
