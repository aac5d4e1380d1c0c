package org.tandem.portal.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.administration.support.AdministrationFixture.NewCustomer;
import org.tandem.domain.tenant.PromptLanguage;
import org.tandem.portal.error.NoAccessView;
import org.tandem.portal.support.PortalViewTest;
import org.tandem.testsupport.sounds.InstalledSoundSets;

import java.nio.file.Path;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.TENANT_USER_USERNAME;

class PromptLanguageViewTest extends PortalViewTest {

    @TempDir
    Path sounds;

    @Test
    void aTenantAdminPicksAnInstalledLanguageFromTheMenu() throws Exception {
        try (InstalledSoundSets installed = InstalledSoundSets.in(sounds, "en_US_f_Allison", "es_MX_f_Allison")) {
            picksSpanish();
        }
    }

    @SuppressWarnings("unchecked")
    private void picksSpanish() {
        NewCustomer customer = fixture.newCustomer("Habla Co", 5);
        submitLogin(customer.admin(), customer.password());
        String path = "tenants/" + customer.id() + "/prompt-language";
        assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getPath).contains(path);

        navigate(path);

        Select<PromptLanguage> language = _get(Select.class, spec -> spec.withId("prompt-language"));
        assertThat(language.getValue()).isEqualTo(PromptLanguage.ENGLISH);
        assertThat(language.getListDataView().getItems().map(PromptLanguageView::label))
                .containsExactly("English (en)", "Spanish (es)");
        _setValue(language, new PromptLanguage("es"));
        _click(_get(Button.class, spec -> spec.withId("save-prompt-language")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("prompt-language-saved")).getText())
                .isEqualTo("Callers now hear prompts in Spanish (es).");
        assertThat(fixture.services().promptLanguages.of(fixture.actor(customer.admin()), customer.id()).code())
                .isEqualTo("es");
    }

    @Test
    void aTenantUserHasNoAccess() {
        signIn(TENANT_USER_USERNAME);

        navigate("tenants/" + fixture.acme() + "/prompt-language");

        _assertOne(NoAccessView.class);
    }
}
