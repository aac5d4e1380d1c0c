package org.tandem.administration.shared;

import org.junit.jupiter.api.Test;
import org.tandem.administration.customer.Onboarding;
import org.tandem.administration.extension.ExtensionService;
import org.tandem.administration.support.AdministrationFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.ACME_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.ACME_DOMAIN;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;

/** A value already in use is told apart from a malformed one, so the API can answer 409 rather than 422. */
class TakenInputTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void aDuplicateExtensionNumberIsOnlyTaken() {
        assertThatThrownBy(() -> fixture.extensions.create(fixture.actor(ACME_ADMIN), fixture.acme(), "101", "Again"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.takenFields()).containsExactly(ExtensionService.NUMBER);
                    assertThat(e.onlyTaken()).isTrue();
                });
    }

    @Test
    void aTakenDomainBesideAMalformedFieldIsInvalidInput() {
        Onboarding takenDomainAndWeakPassword = new Onboarding(null, "Acme Again", ACME_DOMAIN,
                fixture.unique("admin") + "@again", "short".toCharArray(), 10, 5, 2);

        assertThatThrownBy(() -> fixture.customers.onboard(fixture.actor(NORTHWIND_ADMIN), takenDomainAndWeakPassword))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.takenFields()).containsExactly(Onboarding.SIP_DOMAIN);
                    assertThat(e.messages()).containsKeys(Onboarding.SIP_DOMAIN, Onboarding.ADMIN_PASSWORD);
                    assertThat(e.onlyTaken()).isFalse();
                });
    }

    @Test
    void aPlainProblemIsNotTaken() {
        assertThat(InvalidInputException.of("number", "bad").onlyTaken()).isFalse();
    }
}
