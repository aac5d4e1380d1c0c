package org.tandem.domain.account;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokenTest {

    @Test
    void anIssuedTokenMatchesItsOwnTextOnly() {
        ApiToken.Issued issued = ApiToken.issue("billing", Role.RESELLER_ADMIN, UUID.randomUUID(), null);
        String text = issued.text();

        assertThat(text).matches("tdm_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}");
        assertThat(ApiToken.idOf(text)).contains(issued.token().id());
        assertThat(issued.token().matches(text)).isTrue();
        assertThat(issued.token().matches(text.substring(0, text.length() - 1) + (text.endsWith("x") ? "y" : "x"))).isFalse();
        assertThat(ApiToken.issue("other", Role.RESELLER_ADMIN, UUID.randomUUID(), null).token().matches(text)).isFalse();
        assertThat(issued.toString()).doesNotContain(text.substring(41));
    }

    @Test
    void textsOfTheWrongShapeNameNoToken() {
        assertThat(ApiToken.idOf(null)).isEmpty();
        assertThat(ApiToken.idOf("Bearer abc")).isEmpty();
        assertThat(ApiToken.idOf("tdm_" + "z".repeat(36) + "_" + "a".repeat(43))).isEmpty();
    }

    @Test
    void aTenantUserGetsNoToken() {
        assertThatThrownBy(() -> ApiToken.issue("mine", Role.TENANT_USER, null, UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
