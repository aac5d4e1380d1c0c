package org.tandem.administration.apitoken;

import org.junit.jupiter.api.Test;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.account.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.ACME_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.ACME_USER;
import static org.tandem.administration.support.AdministrationFixture.GLOBEX_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.SOUTHGATE_ADMIN;

class ApiTokensTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void aTokenActsWithTheScopeOfWhoIssuedItUntilRevoked() {
        Actor reseller = fixture.actor(NORTHWIND_ADMIN);
        IssuedApiToken issued = fixture.apiTokens.issue(reseller, " billing sync ");

        assertThat(issued.text()).startsWith("tdm_" + issued.token().id() + "_").hasSize(84);
        assertThat(issued.toString()).doesNotContain(issued.text());
        Actor asToken = fixture.apiTokens.authenticate(issued.text()).orElseThrow();
        assertThat(asToken.role()).isEqualTo(Role.RESELLER_ADMIN);
        assertThat(asToken.resellerId()).isEqualTo(fixture.northwind());
        assertThat(fixture.apiTokens.tokens(reseller)).extracting(ApiTokenSummary::label).contains("billing sync");
        assertThat(fixture.apiTokens.tokens(fixture.actor(SOUTHGATE_ADMIN)))
                .extracting(ApiTokenSummary::id).doesNotContain(issued.token().id());

        assertThatThrownBy(() -> fixture.apiTokens.revoke(fixture.actor(SOUTHGATE_ADMIN), issued.token().id()))
                .isInstanceOf(NotFoundException.class);
        fixture.apiTokens.revoke(reseller, issued.token().id());
        assertThat(fixture.apiTokens.authenticate(issued.text())).isEmpty();
    }

    @Test
    void aWrongSecretAMalformedTokenAndNothingAuthenticateNobody() {
        IssuedApiToken issued = fixture.apiTokens.issue(fixture.actor(ACME_ADMIN), "pbx provisioning");
        String text = issued.text();
        String wrongSecret = text.substring(0, text.length() - 1) + (text.endsWith("A") ? "B" : "A");

        assertThat(fixture.apiTokens.authenticate(wrongSecret)).isEmpty();
        assertThat(fixture.apiTokens.authenticate("tdm_not-a-token")).isEmpty();
        assertThat(fixture.apiTokens.authenticate(null)).isEmpty();
        assertThat(fixture.apiTokens.authenticate(text).orElseThrow().tenantId()).isEqualTo(fixture.acme());
        assertThat(fixture.apiTokens.tokens(fixture.actor(GLOBEX_ADMIN)))
                .extracting(ApiTokenSummary::id).doesNotContain(issued.token().id());
    }

    @Test
    void aNameIsRequiredAndATenantUserHasNoTokens() {
        assertThatThrownBy(() -> fixture.apiTokens.issue(fixture.actor(ACME_ADMIN), " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(ApiTokenService.LABEL, "Token name is required"));
        assertThatThrownBy(() -> fixture.apiTokens.issue(fixture.actor(ACME_USER), "mine"))
                .isInstanceOf(AccessDeniedException.class);
    }
}
