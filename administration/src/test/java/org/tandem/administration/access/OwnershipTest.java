package org.tandem.administration.access;

import org.junit.jupiter.api.Test;
import org.tandem.administration.customer.CustomerSummary;
import org.tandem.administration.customer.Onboarding;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.AdministrationFixture;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.ACME_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.ACME_USER;
import static org.tandem.administration.support.AdministrationFixture.GLOBEX_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.OPERATOR;
import static org.tandem.administration.support.AdministrationFixture.SOUTHGATE_ADMIN;

/**
 * The ownership rules hold in the services themselves, whatever interface calls them: ids of other
 * tenants and resellers, put where one's own belong, get the same answer as ids that do not exist.
 */
class OwnershipTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void aTenantAdminReachesItsOwnExtensionsOnly() {
        Actor acmeAdmin = fixture.actor(ACME_ADMIN);

        assertThat(fixture.extensions.extensions(acmeAdmin, fixture.acme()).companyName()).isEqualTo("Acme Ltd");
        assertThatThrownBy(() -> fixture.extensions.extensions(acmeAdmin, fixture.globex()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such customer");
        assertThatThrownBy(() -> fixture.extensions.create(acmeAdmin, fixture.globex(), "150", "Planted"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.registrations.registrations(acmeAdmin, fixture.globex()))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixture.extensions.extensions(fixture.actor(GLOBEX_ADMIN), fixture.globex()).extensions())
                .extracting(e -> e.displayName()).containsExactly("Gary Green");
    }

    @Test
    void anotherTenantsExtensionIdUnderOnesOwnTenantIsNotFound() {
        UUID globexExtension = fixture.extensions.extensions(fixture.actor(GLOBEX_ADMIN), fixture.globex())
                .extensions().getFirst().id();
        Actor acmeAdmin = fixture.actor(ACME_ADMIN);

        assertThatThrownBy(() -> fixture.extensions.rename(acmeAdmin, fixture.acme(), globexExtension, "Hijacked"))
                .isInstanceOf(NotFoundException.class).hasMessage("No such extension");
        assertThatThrownBy(() -> fixture.extensions.newSipPassword(acmeAdmin, fixture.acme(), globexExtension))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.extensions.delete(acmeAdmin, fixture.acme(), globexExtension))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixture.extensions.extensions(fixture.actor(GLOBEX_ADMIN), fixture.globex()).extensions())
                .extracting(e -> e.displayName()).containsExactly("Gary Green");
    }

    @Test
    void aTenantLoginCannotManageCustomersAndATenantUserCannotManageExtensions() {
        assertThatThrownBy(() -> fixture.customers.search(fixture.actor(ACME_ADMIN), ""))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Your login may not manage customers");
        assertThatThrownBy(() -> fixture.customers.onboard(fixture.actor(ACME_ADMIN), new Onboarding(null, "X",
                "x.example.com", "x-admin", "Strong-Password-1".toCharArray(), 5, 5, 5)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.extensions.extensions(fixture.actor(ACME_USER), fixture.acme()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Your login may not manage extensions");
    }

    @Test
    void aResellerSeesAndChangesOnlyItsOwnCustomers() {
        Actor northwind = fixture.actor(NORTHWIND_ADMIN);

        assertThat(fixture.customers.search(northwind, "")).extracting(CustomerSummary::resellerName)
                .isNotEmpty().containsOnly("Northwind Telecom");
        assertThat(fixture.customers.search(northwind, "globex")).isEmpty();
        assertThatThrownBy(() -> fixture.customers.customer(northwind, fixture.globex()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such customer");
        assertThatThrownBy(() -> fixture.customers.suspend(northwind, fixture.globex()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.extensions.extensions(northwind, fixture.globex()))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixture.customers.customer(fixture.actor(SOUTHGATE_ADMIN), fixture.globex()).summary().active())
                .as("the suspension was refused, not half done").isTrue();
        assertThat(fixture.extensions.extensions(northwind, fixture.acme()).extensions()).isNotEmpty();
    }

    @Test
    void anIdThatDoesNotExistGetsTheSameAnswerAsAnotherResellersCustomer() {
        Actor northwind = fixture.actor(NORTHWIND_ADMIN);

        assertThatThrownBy(() -> fixture.customers.customer(northwind, UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such customer");
        assertThatThrownBy(() -> fixture.customers.customer(northwind, null))
                .isInstanceOf(NotFoundException.class).hasMessage("No such customer");
    }

    @Test
    void aResellerCannotOnboardForAnotherReseller() {
        String domain = fixture.unique("planted") + ".example.com";
        assertThatThrownBy(() -> fixture.customers.onboard(fixture.actor(NORTHWIND_ADMIN), new Onboarding(
                fixture.southgate(), "Planted", domain, fixture.unique("planted-admin"),
                "Strong-Password-1".toCharArray(), 5, 5, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(Onboarding.RESELLER, "You can only onboard customers of your own reseller"));
        assertThat(fixture.customers.search(fixture.actor(OPERATOR), domain)).isEmpty();
    }

    @Test
    void theOperatorReachesEveryReseller() {
        Actor operator = fixture.actor(OPERATOR);

        assertThat(fixture.customers.search(operator, "")).extracting(CustomerSummary::resellerName)
                .contains("Northwind Telecom", "Southgate Voice");
        assertThat(fixture.customers.resellers(operator)).hasSize(2);
        assertThat(fixture.customers.resellers(fixture.actor(NORTHWIND_ADMIN)))
                .extracting(r -> r.name()).containsExactly("Northwind Telecom");
        assertThat(fixture.extensions.extensions(operator, fixture.globex()).extensions()).isNotEmpty();
    }
}
