package org.tandem.portal.security;

import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.domain.account.Role;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.testsupport.beans.Injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_PASSWORD;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;

class AuthenticatorTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private final Authenticator authenticator = Injection.into(new Authenticator(), fixture.accounts);

    @Test
    void the_right_password_signs_in_with_the_account_role_and_scope() {
        Actor user = authenticator.authenticate(TENANT_ADMIN_USERNAME, TENANT_ADMIN_PASSWORD.toCharArray())
                .orElseThrow().actor();

        assertThat(user.username()).isEqualTo(TENANT_ADMIN_USERNAME);
        assertThat(user.role()).isEqualTo(Role.TENANT_ADMIN);
        assertThat(user.tenant()).contains(fixture.acme());
        assertThat(user.reseller()).isEmpty();
    }

    @Test
    void a_wrong_password_an_unknown_user_and_a_malformed_username_all_fail_alike() {
        assertThat(authenticator.authenticate(TENANT_ADMIN_USERNAME, "wrong".toCharArray())).isEmpty();
        assertThat(authenticator.authenticate("someone-else", TENANT_ADMIN_PASSWORD.toCharArray())).isEmpty();
        assertThat(authenticator.authenticate("x", TENANT_ADMIN_PASSWORD.toCharArray())).isEmpty();
        assertThat(authenticator.authenticate(null, new char[0])).isEmpty();
        assertThat(authenticator.authenticate(TENANT_ADMIN_USERNAME, new char[0])).isEmpty();
    }
}
