package org.tandem.administration.customer;

import java.util.List;

/** One customer in full: its summary, the logins that administer it, and the DNS records its domain needs. */
public record Customer(CustomerSummary summary, List<String> adminUsernames, List<DnsRecord> dnsRecords) {

    public Customer {
        adminUsernames = List.copyOf(adminUsernames);
        dnsRecords = List.copyOf(dnsRecords);
    }
}
