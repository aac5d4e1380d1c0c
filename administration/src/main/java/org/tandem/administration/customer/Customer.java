package org.tandem.administration.customer;

import org.tandem.domain.tenant.PromptLanguage;

import java.util.List;

/**
 * One customer in full: its summary, the logins that administer it, the DNS records its domain needs and
 * the language its callers hear prompts in.
 */
public record Customer(CustomerSummary summary, List<String> adminUsernames, List<DnsRecord> dnsRecords,
                       PromptLanguage promptLanguage) {

    public Customer {
        adminUsernames = List.copyOf(adminUsernames);
        dnsRecords = List.copyOf(dnsRecords);
    }
}
