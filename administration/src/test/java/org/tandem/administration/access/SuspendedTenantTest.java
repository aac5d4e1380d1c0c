package org.tandem.administration.access;

import org.junit.jupiter.api.Test;
import org.tandem.administration.extension.IssuedCredentials;
import org.tandem.administration.ringgroup.RingGroupSummary;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.ringgroup.RingStrategy;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;

/**
 * A suspended tenant's own admin still reads its configuration but changes none of it, whichever
 * service it calls; its reseller still changes it (and resumes it), and after the resume the admin
 * changes it again.
 */
class SuspendedTenantTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void aSuspendedTenantsAdminReadsButChangesNothingUntilItIsResumed() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Paused Co", 5);
        UUID tenant = customer.id();
        Actor reseller = fixture.actor(NORTHWIND_ADMIN);
        Actor admin = fixture.actor(customer.admin());
        IssuedCredentials extension = fixture.extensions.create(admin, tenant, "201", "Pat Paused");
        UUID extensionId = extension.extension().id();
        RingGroupSummary group = fixture.ringGroups.create(admin, tenant, "600", "Sales", RingStrategy.SIMULTANEOUS, 15,
                List.of("201"));

        fixture.customers.suspend(reseller, tenant);

        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).hasSize(1);
        assertThat(fixture.ringGroups.ringGroups(admin, tenant)).hasSize(1);
        List<Runnable> changes = List.of(
                () -> fixture.extensions.create(admin, tenant, "202", "Nope"),
                () -> fixture.extensions.rename(admin, tenant, extensionId, "Renamed"),
                () -> fixture.extensions.newSipPassword(admin, tenant, extensionId),
                () -> fixture.extensions.createPortalLogin(admin, tenant, extensionId, fixture.unique("pat")),
                () -> fixture.extensions.importCsv(admin, tenant, "203,Imported\n"),
                () -> fixture.ringGroups.create(admin, tenant, "601", "Support", RingStrategy.SIMULTANEOUS, 15, List.of("201")),
                () -> fixture.ringGroups.update(admin, tenant, group.id(), "Renamed", RingStrategy.SIMULTANEOUS, 15, List.of("201")),
                () -> fixture.ringGroups.delete(admin, tenant, group.id()),
                () -> fixture.extensions.removePortalLogin(admin, tenant, extensionId),
                () -> fixture.extensions.delete(admin, tenant, extensionId));
        for (Runnable change : changes) {
            assertThatThrownBy(change::run).isInstanceOf(AccessDeniedException.class).hasMessage(Scope.SUSPENDED);
        }
        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).extracting(e -> e.displayName())
                .containsExactly("Pat Paused");

        assertThat(fixture.extensions.rename(reseller, tenant, extensionId, "Changed By Reseller").displayName())
                .isEqualTo("Changed By Reseller");
        fixture.customers.resume(reseller, tenant);
        assertThat(fixture.extensions.rename(admin, tenant, extensionId, "Pat Resumed").displayName())
                .isEqualTo("Pat Resumed");
    }
}
