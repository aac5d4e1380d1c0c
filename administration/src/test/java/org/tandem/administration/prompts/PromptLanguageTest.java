package org.tandem.administration.prompts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.administration.support.AdministrationFixture.NewCustomer;
import org.tandem.domain.tenant.PromptLanguage;
import org.tandem.testsupport.sounds.InstalledSoundSets;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.SOUTHGATE_ADMIN;

/** A tenant's prompt language, chosen among the sound sets installed on the node, stored in its row. */
class PromptLanguageTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private final PromptLanguageService languages = fixture.services().promptLanguages;
    private final Actor reseller = fixture.actor(NORTHWIND_ADMIN);

    @TempDir
    Path sounds;

    @Test
    void aNewTenantHearsEnglishTheOnlyLanguageDebiansDefaultPackageInstalls() {
        NewCustomer customer = fixture.newCustomer("Speaks English", 5);

        assertThat(languages.offered()).contains(PromptLanguage.ENGLISH);
        assertThat(languages.of(reseller, customer.id())).isEqualTo(PromptLanguage.ENGLISH);
        Object stored = fixture.database().fetch(entityManager -> entityManager.createNativeQuery(
                "select prompt_language from tenant where id = ?1").setParameter(1, customer.id()).getSingleResult());
        assertThat(stored).isEqualTo("en");
    }

    @Test
    void itsAdminChoosesAnInstalledLanguageAndNothingElse() throws Exception {
        try (InstalledSoundSets installed = InstalledSoundSets.in(sounds, "en_US_f_Allison", "fr_CA_f_June")) {
            choosesAmongEnglishAndFrench();
        }
    }

    private void choosesAmongEnglishAndFrench() {
        NewCustomer customer = fixture.newCustomer("Parle Francais", 5);
        Actor admin = fixture.actor(customer.admin());

        assertThat(languages.offered()).extracting(PromptLanguage::code).containsExactly("en", "fr");
        assertThat(languages.change(admin, customer.id(), "fr").code()).isEqualTo("fr");
        assertThat(languages.of(reseller, customer.id()).code()).isEqualTo("fr");

        assertThatThrownBy(() -> languages.change(admin, customer.id(), "de")).isInstanceOfSatisfying(
                InvalidInputException.class, refused -> assertThat(refused.messages()).containsExactly(
                        Map.entry("language", "No prompts in 'de' are installed on this node: choose one of en, fr")));
        for (String hostile : new String[]{"../../etc", "FR", "", "fr\u202e"}) {
            assertThatThrownBy(() -> languages.change(admin, customer.id(), hostile)).isInstanceOfSatisfying(
                    InvalidInputException.class, refused -> assertThat(refused.messages().get("language"))
                            .endsWith("is not a language code (two or three lower-case letters, as en or fr)"));
        }
        assertThatThrownBy(() -> languages.change(admin, customer.id(), null)).isInstanceOf(InvalidInputException.class);
        assertThat(languages.of(admin, customer.id()).code()).isEqualTo("fr");
    }

    @Test
    void onlyThoseWhoLookAfterTheTenantMayChangeIt() {
        NewCustomer customer = fixture.newCustomer("Guarded Co", 5);

        assertThatThrownBy(() -> languages.change(fixture.actor(SOUTHGATE_ADMIN), customer.id(), "en"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> languages.change(fixture.actor(AdministrationFixture.ACME_USER), fixture.acme(), "en"))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Your login may not change the prompt language");
        assertThatThrownBy(() -> languages.of(fixture.actor(AdministrationFixture.ACME_ADMIN), customer.id()))
                .isInstanceOf(NotFoundException.class);
    }
}
