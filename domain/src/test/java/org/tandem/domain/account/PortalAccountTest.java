package org.tandem.domain.account;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortalAccountTest {

    @Test
    void passwordHashIsSaltedAndSlowAndChecksOnlyTheRightPassword() {
        PasswordHash first = PasswordHash.of("correct horse".toCharArray());
        PasswordHash second = PasswordHash.of("correct horse".toCharArray());

        assertThat(first.encoded()).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$")
                .doesNotContain("correct horse")
                .isNotEqualTo(second.encoded());
        assertThat(first.matches("correct horse".toCharArray())).isTrue();
        assertThat(first.matches("correct horsE".toCharArray())).isFalse();
        assertThat(first.matches(new char[0])).isFalse();
    }

    @Test
    void refusesAStringThatIsNotAHash() {
        assertThatThrownBy(() -> new PasswordHash("secret")).hasMessageContaining("not a Tandem password hash");
    }

    @Test
    void eachRoleHasItsOwnScope() {
        UUID tenant = UUID.randomUUID();
        PortalAccount admin = PortalAccount.tenantLogin("Admin@Acme", "pw".toCharArray(), Role.TENANT_ADMIN, tenant);

        assertThat(admin.username()).isEqualTo("admin@acme");
        assertThat(admin.tenantId()).contains(tenant);
        assertThat(admin.resellerId()).isEmpty();
        assertThat(admin.canSignIn("pw".toCharArray())).isTrue();
        assertThat(PortalAccount.operator("root", "pw".toCharArray()).tenantId()).isEmpty();
        assertThatThrownBy(() -> PortalAccount.tenantLogin("x-admin", "pw".toCharArray(), Role.OPERATOR, tenant))
                .hasMessageContaining("tenant admin or a tenant user");
        assertThatThrownBy(() -> PortalAccount.resellerAdmin("r-admin", "pw".toCharArray(), null))
                .hasMessageContaining("reseller");
    }

    @Test
    void refusesBadUsernames() {
        assertThatThrownBy(() -> PortalAccount.operator("ab", "pw".toCharArray())).hasMessageContaining("3 to 64");
        assertThatThrownBy(() -> PortalAccount.operator("bad name", "pw".toCharArray())).hasMessageContaining("3 to 64");
    }
}
