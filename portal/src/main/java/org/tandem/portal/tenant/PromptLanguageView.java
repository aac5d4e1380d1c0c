package org.tandem.portal.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.prompts.PromptLanguageService;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.domain.tenant.PromptLanguage;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.Forms;
import org.tandem.portal.shared.RouteIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The language the tenant's callers hear the node's prompts in (voicemail, menus, numbers), among those
 * installed on the node; a prompt missing in it is said in English.
 */
@Route(value = TenantRoute.PATH + "prompt-language", layout = MainLayout.class)
@PageTitle("Prompt language | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN", "TENANT_ADMIN"})
public class PromptLanguageView extends VerticalLayout implements BeforeEnterObserver {

    private final PromptLanguageService languages;
    private final Actor actor;
    private final Select<PromptLanguage> language = new Select<>();
    private final FormMessages messages = new FormMessages();
    private final Paragraph saved = new Paragraph();
    private UUID tenantId;

    @Inject
    public PromptLanguageView(PromptLanguageService languages, CurrentUser currentUser) {
        this.languages = languages;
        this.actor = currentUser.actor();

        language.setId("prompt-language");
        language.setLabel("Prompts are spoken in");
        language.setItemLabelGenerator(PromptLanguageView::label);
        messages.field(PromptLanguageService.LANGUAGE, language);
        saved.setId("prompt-language-saved");
        Button save = Forms.primaryButton("Save", "save-prompt-language", this::save);

        add(new H2("Prompt language"), new Paragraph("Callers hear voicemail, menus and numbers in this language. "
                + "The choice is among the languages installed on the node; a prompt missing in one is said in English."),
                Forms.row(language, save), messages.general(), saved);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenantId = RouteIds.get(event, TenantRoute.TENANT_ID);
        PromptLanguage current = languages.of(actor, tenantId);
        List<PromptLanguage> offered = new ArrayList<>(languages.offered());
        // a language removed from the node since it was chosen stays shown as the current one
        if (!offered.contains(current)) {
            offered.add(current);
        }
        language.setItems(offered);
        language.setValue(current);
    }

    private void save() {
        saved.setText("");
        try {
            PromptLanguage chosen = languages.change(actor, tenantId, language.getValue() == null ? null : language.getValue().code());
            messages.clear();
            saved.setText("Callers now hear prompts in " + label(chosen) + ".");
        } catch (InvalidInputException refused) {
            messages.show(refused);
        } catch (NotHomeNodeException | AccessDeniedException refused) {
            messages.showGeneral(refused.getMessage());
        }
    }

    /** "French (fr)": the language's English name, and its code as the sound sets name it. */
    static String label(PromptLanguage language) {
        String name = Locale.forLanguageTag(language.code()).getDisplayLanguage(Locale.ENGLISH);
        return (name.isEmpty() ? language.code() : name) + " (" + language.code() + ")";
    }
}
