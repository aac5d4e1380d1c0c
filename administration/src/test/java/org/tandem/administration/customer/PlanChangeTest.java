package org.tandem.administration.customer;

import org.junit.jupiter.api.Test;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.administration.support.AdministrationFixture.NewCustomer;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.storage.jdbc.JdbcSipAccounts;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.ACME_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.SOUTHGATE_ADMIN;

/** A reseller moves a customer to another plan; what the engine enforces follows, and nothing is lost. */
class PlanChangeTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private final Actor reseller = fixture.actor(NORTHWIND_ADMIN);

    @Test
    void aNewPlanIsShownAndEnforcedByTheEngine() {
        NewCustomer customer = fixture.newCustomer("Growing Co", 5);
        fixture.extensions.create(reseller, customer.id(), "201", "Front desk");

        CustomerSummary changed = fixture.customers.changePlan(reseller, customer.id(), new PlanChange(40, 12, 6));

        assertThat(changed.maxExtensions()).isEqualTo(40);
        assertThat(changed.maxConcurrentCalls()).isEqualTo(12);
        assertThat(changed.maxCallsPerSecond()).isEqualTo(6);
        assertThat(fixture.customers.customer(reseller, customer.id()).summary().maxExtensions()).isEqualTo(40);
        assertThat(new JdbcSipAccounts(fixture.database().dataSource())
                .find(new SipDomain(customer.domain()), "201").orElseThrow().plan())
                .isEqualTo(new PlanLimits(40, 12, 6));
    }

    @Test
    void aPlanForFewerExtensionsThanInUseIsRefusedAndNothingChanges() {
        NewCustomer customer = fixture.newCustomer("Busy Co", 5);
        fixture.extensions.create(reseller, customer.id(), "201", "One");
        fixture.extensions.create(reseller, customer.id(), "202", "Two");
        fixture.extensions.create(reseller, customer.id(), "203", "Three");

        assertThatThrownBy(() -> fixture.customers.changePlan(reseller, customer.id(), new PlanChange(2, 5, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(PlanChange.PLAN, "Busy Co has 3 extensions: a plan for 2 needs 1 of them removed first"));
        assertThat(fixture.customers.customer(reseller, customer.id()).summary().maxExtensions()).isEqualTo(5);

        assertThat(fixture.customers.changePlan(reseller, customer.id(), new PlanChange(3, 5, 5)).maxExtensions())
                .as("exactly the extensions in use is enough").isEqualTo(3);
    }

    @Test
    void ringGroupLimitsChangeWhenGivenStayWhenLeftOutAndNeverBelowWhatIsInUse() {
        NewCustomer customer = fixture.newCustomer("Grouped Co", 5);
        assertThat(fixture.customers.customer(reseller, customer.id()).summary())
                .extracting(CustomerSummary::maxRingGroups, CustomerSummary::maxRingGroupMembers)
                .as("a new customer's plan has the default ring-group limits").containsExactly(10, 20);
        fixture.extensions.importCsv(reseller, customer.id(), "201,One\n202,Two\n203,Three\n");
        fixture.ringGroups.create(reseller, customer.id(), "600", "Sales", null, 20, List.of("201", "202", "203"));
        fixture.ringGroups.create(reseller, customer.id(), "601", "Desk", null, 20, List.of("201"));

        assertThatThrownBy(() -> fixture.customers.changePlan(reseller, customer.id(), new PlanChange(5, 5, 5, 1, 20)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages()).containsEntry(
                        PlanChange.PLAN, "Grouped Co has 2 ring groups: a plan for 1 needs 1 of them removed first"));
        assertThatThrownBy(() -> fixture.customers.changePlan(reseller, customer.id(), new PlanChange(5, 5, 5, 2, 2)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages()).containsEntry(
                        PlanChange.PLAN, "Ring group 600 has 3 members: a plan for 2 members per group needs 1 of them removed first"));
        assertThatThrownBy(() -> fixture.customers.changePlan(reseller, customer.id(), new PlanChange(5, 5, 5, 1001, 20)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages()).containsEntry(
                        PlanChange.PLAN, "plan limit for ring groups must be between 0 and 1000: 1001"));

        assertThat(fixture.customers.changePlan(reseller, customer.id(), new PlanChange(5, 5, 5, 2, 3)))
                .extracting(CustomerSummary::maxRingGroups, CustomerSummary::maxRingGroupMembers).containsExactly(2, 3);
        assertThat(fixture.customers.changePlan(reseller, customer.id(), new PlanChange(6, 5, 5)))
                .extracting(CustomerSummary::maxExtensions, CustomerSummary::maxRingGroups, CustomerSummary::maxRingGroupMembers)
                .as("left out, the ring-group limits stay").containsExactly(6, 2, 3);
    }

    @Test
    void limitsOutOfBoundsAreFieldMessages() {
        NewCustomer customer = fixture.newCustomer("Bounds Co", 5);

        assertThatThrownBy(() -> fixture.customers.changePlan(reseller, customer.id(), new PlanChange(10, 0, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages().get(PlanChange.PLAN))
                        .contains("concurrent calls"));
        assertThatThrownBy(() -> fixture.customers.changePlan(reseller, customer.id(),
                new PlanChange(PlanLimits.MAX_EXTENSIONS + 1, 5, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages().get(PlanChange.PLAN))
                        .contains("extensions"));
        assertThat(fixture.customers.customer(reseller, customer.id()).summary().maxConcurrentCalls()).isEqualTo(5);
    }

    @Test
    void onlyTheCustomersOwnResellerOrTheOperatorChangesItsPlan() {
        NewCustomer customer = fixture.newCustomer("Guarded Co", 5);

        assertThatThrownBy(() -> fixture.customers.changePlan(fixture.actor(SOUTHGATE_ADMIN), customer.id(),
                new PlanChange(50, 5, 5))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.customers.changePlan(fixture.actor(ACME_ADMIN), fixture.acme(),
                new PlanChange(500, 50, 50))).isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.customers.customer(reseller, customer.id()).summary().maxExtensions()).isEqualTo(5);
        assertThat(fixture.customers.changePlan(fixture.actor(AdministrationFixture.OPERATOR), customer.id(),
                new PlanChange(8, 5, 5)).maxExtensions()).isEqualTo(8);
    }
}
