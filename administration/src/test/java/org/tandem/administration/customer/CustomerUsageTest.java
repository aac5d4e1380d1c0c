package org.tandem.administration.customer;

import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.administration.support.AdministrationFixture;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;

class CustomerUsageTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void aCustomerShowsItsPhonesNowAndItsCallsOfTheLastThirtyDays() {
        Actor reseller = fixture.actor(NORTHWIND_ADMIN);
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Usage Co", 10);
        UUID tenant = customer.id();
        String domain = customer.domain();
        fixture.register(tenant, "201", "sip:201@127.0.0.1:5071");
        fixture.register(tenant, "202", "sip:202@127.0.0.1:5072");
        Instant recent = Instant.now().minus(Duration.ofDays(2));
        fixture.recordCall(tenant, "201", "202", recent, recent.plusSeconds(5), recent.plusSeconds(5 + 150), "ANSWERED", 200);
        fixture.recordCall(tenant, "202", "201", recent, null, recent.plusSeconds(20), "NO_ANSWER", 480);
        Instant old = Instant.now().minus(Duration.ofDays(45));
        fixture.recordCall(tenant, "201", "202", old, old.plusSeconds(1), old.plusSeconds(3601), "ANSWERED", 200);

        CustomerSummary summary = fixture.customers.search(reseller, domain).getFirst();

        assertThat(summary.registeredPhones()).isEqualTo(2);
        assertThat(summary.recentCalls()).isEqualTo(2);
        assertThat(summary.recentTalkMinutes()).isEqualTo(2);
        assertThat(fixture.customers.customer(reseller, tenant).summary()).isEqualTo(summary);
    }
}
