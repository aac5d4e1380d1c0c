package org.tandem.administration.registration;

import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.administration.support.AdministrationFixture;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;

/**
 * The registrar refuses a suspended tenant's phones, so no interface (a portal page, the API, a
 * customer's usage) may call them registered while their bindings wait to expire; resumed, they are again.
 */
class SuspendedRegistrationsTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void aSuspendedTenantsBindingsAreNoRegisteredPhonesUntilItIsResumed() {
        Actor reseller = fixture.actor(NORTHWIND_ADMIN);
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Paused Co", 5);
        fixture.extensions.importCsv(reseller, customer.id(), "201,Front desk\n");
        UUID binding = fixture.register(customer.id(), "201", "sip:201@127.0.0.1:5097");
        try {
            assertThat(fixture.registrations.registrations(reseller, customer.id())).hasSize(1);
            assertThat(fixture.customers.customer(reseller, customer.id()).summary().registeredPhones()).isOne();

            assertThat(fixture.customers.suspend(reseller, customer.id()).registeredPhones()).isZero();
            assertThat(fixture.registrations.registrations(reseller, customer.id())).isEmpty();
            assertThat(fixture.customers.search(reseller, customer.domain())).singleElement()
                    .satisfies(summary -> assertThat(summary.registeredPhones()).isZero());

            assertThat(fixture.customers.resume(reseller, customer.id()).registeredPhones()).isOne();
            assertThat(fixture.registrations.registrations(reseller, customer.id())).hasSize(1);
        } finally {
            fixture.unregister(binding);
        }
    }
}
