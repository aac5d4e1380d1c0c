package org.tandem.administration.account;

import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.account.PortalAccount;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A signed-in person changes their own password: every problem named by field, nothing changed until all is right. */
class ChangePasswordTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void theRightCurrentPasswordAndAStrongNewOneReplaceIt() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Password Co", 5);
        Actor admin = fixture.actor(customer.admin());

        fixture.ownAccount.changePassword(admin, customer.password().toCharArray(), chars("Brave-Lantern-77-Hills"),
                chars("Brave-Lantern-77-Hills"));

        assertThat(stored(customer.admin()).canSignIn(chars("Brave-Lantern-77-Hills"))).isTrue();
        assertThat(stored(customer.admin()).canSignIn(customer.password().toCharArray())).isFalse();
    }

    @Test
    void everyProblemIsNamedByItsFieldAtOnceAndThePasswordStaysAsItWas() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Password Co", 5);
        Actor admin = fixture.actor(customer.admin());

        assertThat(refusal(admin, "not-my-password", "short", "other")).isEqualTo(Map.of(
                AccountService.CURRENT, "This is not your current password",
                AccountService.NEW, "Password must be at least 12 characters long",
                AccountService.REPEATED, "The two new passwords differ"));
        assertThat(refusal(admin, "", "Brave-Lantern-77-Hills", "Brave-Lantern-77-Hills"))
                .isEqualTo(Map.of(AccountService.CURRENT, "Enter your current password"));
        assertThat(refusal(admin, customer.password(), customer.password(), customer.password()))
                .isEqualTo(Map.of(AccountService.NEW, "The new password must differ from the current one"));
        assertThat(refusal(admin, customer.password(), "xx" + customer.admin() + "-2026-A", "xx" + customer.admin() + "-2026-A"))
                .isEqualTo(Map.of(AccountService.NEW, "Password must not contain the username"));
        assertThat(refusal(admin, customer.password(), "Brave-Lantern-77-Hills", "Brave-Lantern-77-Hill"))
                .isEqualTo(Map.of(AccountService.REPEATED, "The two new passwords differ"));

        assertThat(stored(customer.admin()).canSignIn(customer.password().toCharArray())).isTrue();
    }

    private Map<String, String> refusal(Actor actor, String current, String newPassword, String repeated) {
        try {
            fixture.ownAccount.changePassword(actor, chars(current), chars(newPassword), chars(repeated));
        } catch (InvalidInputException refused) {
            return refused.messages();
        }
        throw new AssertionError("accepted: " + newPassword);
    }

    private PortalAccount stored(String username) {
        return fixture.accounts.findByUsername(username).orElseThrow();
    }

    private static char[] chars(String text) {
        return text.toCharArray();
    }

    @Test
    void aLoginDeletedSinceSignInChangesNothing() {
        Actor ghost = new Actor(java.util.UUID.randomUUID(), "ghost@nowhere", org.tandem.domain.account.Role.TENANT_USER,
                null, fixture.acme());
        assertThatThrownBy(() -> fixture.ownAccount.changePassword(ghost, chars("x"), chars("y"), chars("y")))
                .hasMessage("Your login no longer exists");
    }
}
