package org.tandem.api.customer;

import org.tandem.domain.tenant.TenantStatus;

import java.util.List;
import java.util.UUID;

/**
 * One customer in full: as listed, plus its admin logins, the DNS records its SIP domain needs and the
 * language its callers hear prompts in.
 */
public record CustomerDetails(UUID id, String companyName, String sipDomain, TenantStatus status, String reseller,
                              String pool, long extensions, Plan plan, Usage usage, List<String> adminUsernames,
                              List<DnsRecord> dnsRecords, String promptLanguage) {

    static CustomerDetails of(org.tandem.administration.customer.Customer customer) {
        Customer summary = Customer.of(customer.summary());
        return new CustomerDetails(summary.id(), summary.companyName(), summary.sipDomain(), summary.status(),
                summary.reseller(), summary.pool(), summary.extensions(), summary.plan(), summary.usage(),
                customer.adminUsernames(),
                customer.dnsRecords().stream().map(DnsRecord::of).toList(), customer.promptLanguage().code());
    }
}
