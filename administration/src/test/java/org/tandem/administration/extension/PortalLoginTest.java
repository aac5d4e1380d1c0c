package org.tandem.administration.extension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.account.PasswordStrength;
import org.tandem.administration.ownextension.OwnExtension;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.Role;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tenant admin gives an extension's person a portal login of their own, and takes it away. */
class PortalLoginTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private Actor admin;
    private UUID tenant;
    private ExtensionSummary frontDesk;

    @BeforeEach
    void newCustomerWithAnExtension() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Login Co", 3);
        tenant = customer.id();
        admin = fixture.actor(customer.admin());
        frontDesk = fixture.extensions.create(admin, tenant, "201", "Front desk").extension();
    }

    @Test
    void theLoginGetsAStrongPasswordShownOnceAndSeesItsExtensionAsMyPhone() {
        String username = fixture.unique("fred@login");

        IssuedPortalLogin issued = fixture.extensions.createPortalLogin(admin, tenant, frontDesk.id(), " " + username.toUpperCase() + " ");

        assertThat(issued.username()).isEqualTo(username);
        assertThat(issued.extension().portalLogin()).isEqualTo(username);
        assertThat(issued.password()).hasSize(20);
        assertThat(PasswordStrength.problem(username, issued.password().toCharArray())).isEmpty();
        assertThat(issued.toString()).doesNotContain(issued.password());
        PortalAccount stored = fixture.accounts.findByUsername(username).orElseThrow();
        assertThat(stored.role()).isEqualTo(Role.TENANT_USER);
        assertThat(stored.tenantId()).contains(tenant);
        assertThat(stored.extensionId()).contains(frontDesk.id());
        assertThat(stored.canSignIn(issued.password().toCharArray())).isTrue();
        assertThat(fixture.ownExtension.ownExtension(fixture.actor(username))).map(OwnExtension::number).contains("201");
        assertThat(fixture.extensions.extensions(admin, tenant).extensions())
                .extracting(ExtensionSummary::number, ExtensionSummary::portalLogin).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("201", username));

        fixture.extensions.removePortalLogin(admin, tenant, frontDesk.id());

        assertThat(fixture.accounts.findByUsername(username)).isEmpty();
        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).extracting(ExtensionSummary::login)
                .containsExactly(java.util.Optional.empty());
        assertThatThrownBy(() -> fixture.extensions.removePortalLogin(admin, tenant, frontDesk.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("Extension 201 has no portal login");
    }

    @Test
    void aTakenOrMalformedUsernameIsAFieldMessageAndCreatesNothing() {
        assertThatThrownBy(() -> fixture.extensions.createPortalLogin(admin, tenant, frontDesk.id(),
                AdministrationFixture.ACME_ADMIN.toUpperCase()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsExactly(Map.entry(ExtensionService.LOGIN_USERNAME, "This username is already taken")));
        assertThatThrownBy(() -> fixture.extensions.createPortalLogin(admin, tenant, frontDesk.id(), "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsOnlyKeys(ExtensionService.LOGIN_USERNAME));
        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).extracting(ExtensionSummary::portalLogin)
                .containsOnlyNulls();
    }

    @Test
    void anExtensionHasOneLoginAtMost() {
        String first = fixture.unique("first@login");
        fixture.extensions.createPortalLogin(admin, tenant, frontDesk.id(), first);

        String second = fixture.unique("second@login");
        assertThatThrownBy(() -> fixture.extensions.createPortalLogin(admin, tenant, frontDesk.id(), second))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages()).containsExactly(
                        Map.entry(InvalidInputException.WHOLE,
                                "Extension 201 already has the portal login " + first + ": remove it first")));
        assertThat(fixture.accounts.findByUsername(second)).isEmpty();
    }

    @Test
    void anotherTenantsExtensionIsNotFound() {
        AdministrationFixture.NewCustomer other = fixture.newCustomer("Other Co", 3);
        UUID theirs = fixture.extensions.create(fixture.actor(other.admin()), other.id(), "201", "Theirs").extension().id();
        String username = fixture.unique("sneaky@login");

        assertThatThrownBy(() -> fixture.extensions.createPortalLogin(admin, tenant, theirs, username))
                .isInstanceOf(NotFoundException.class).hasMessage("No such extension");
        assertThatThrownBy(() -> fixture.extensions.removePortalLogin(admin, tenant, theirs))
                .isInstanceOf(NotFoundException.class).hasMessage("No such extension");
        assertThat(fixture.accounts.findByUsername(username)).isEmpty();
    }

    @Test
    void aTenantUserOrAnotherCustomersResellerCannot() {
        UUID acmeAlice = fixture.extensions.extensions(fixture.actor(AdministrationFixture.ACME_ADMIN), fixture.acme())
                .extensions().getFirst().id();
        String username = fixture.unique("intruder@login");

        assertThatThrownBy(() -> fixture.extensions.createPortalLogin(fixture.actor(AdministrationFixture.ACME_USER),
                fixture.acme(), acmeAlice, username)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.extensions.removePortalLogin(fixture.actor(AdministrationFixture.ACME_USER),
                fixture.acme(), acmeAlice)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.extensions.createPortalLogin(fixture.actor(AdministrationFixture.SOUTHGATE_ADMIN),
                fixture.acme(), acmeAlice, username)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.extensions.removePortalLogin(fixture.actor(AdministrationFixture.SOUTHGATE_ADMIN),
                fixture.acme(), acmeAlice)).isInstanceOf(NotFoundException.class);
        assertThat(fixture.accounts.findByUsername(username)).isEmpty();
        assertThat(fixture.accounts.findByUsername(AdministrationFixture.ACME_USER)).isPresent();
    }
}
