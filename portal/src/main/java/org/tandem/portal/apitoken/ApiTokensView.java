package org.tandem.portal.apitoken;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.apitoken.ApiTokenService;
import org.tandem.administration.apitoken.ApiTokenSummary;
import org.tandem.administration.apitoken.IssuedApiToken;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.FormMessages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * API tokens for the REST API ({@code /api}, described at {@code /api/openapi.json}), acting with the
 * signed-in user's role and scope. A new token is shown once; revoking one stops it at once.
 */
@Route(value = "api-tokens", layout = MainLayout.class)
@PageTitle("API tokens | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN", "TENANT_ADMIN"})
public class ApiTokensView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private final ApiTokenService tokens;
    private final Actor actor;
    private final TextField label = new TextField("Name");
    private final FormMessages messages = new FormMessages();
    private final Grid<ApiTokenSummary> grid = new Grid<>(ApiTokenSummary.class, false);

    @Inject
    public ApiTokensView(ApiTokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.actor = currentUser.actor();

        label.setId("token-label");
        label.setPlaceholder("What will use it, e.g. billing sync");
        messages.field(ApiTokenService.LABEL, label);
        Button issue = new Button("Create token", click -> issue());
        issue.setId("create-token");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(label, issue);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("api-tokens");
        grid.addColumn(ApiTokenSummary::label).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(token -> TIME.format(token.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(token -> {
            Button revoke = new Button("Revoke", click -> {
                tokens.revoke(actor, token.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return revoke;
        }).setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H2("API tokens"), new Paragraph("Programs use a token to do through the REST API at /api what you "
                + "do here, with your access and no more. The API is described at /api/openapi.json."),
                form, messages.general(), grid);
        refresh();
    }

    private void issue() {
        try {
            IssuedApiToken issued = tokens.issue(actor, label.getValue());
            messages.clear();
            label.clear();
            refresh();
            shownOnce(issued).open();
        } catch (InvalidInputException refused) {
            messages.show(refused);
        }
    }

    private static Dialog shownOnce(IssuedApiToken issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("API token " + issued.token().label());
        Span text = new Span(issued.text());
        text.setId("token-text");
        text.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        dialog.add(new Paragraph("Copy the token now: this is the only time it is shown. Send it as "
                + "Authorization: Bearer <token>."), text);
        Button done = new Button("I have copied it", click -> dialog.close());
        done.setId("token-done");
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        return dialog;
    }

    private void refresh() {
        grid.setItems(tokens.tokens(actor));
    }
}
