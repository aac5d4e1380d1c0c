package org.tandem.portal.apitoken;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import org.tandem.domain.apitoken.ApiTokenStatus;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.Confirmation;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.Forms;
import org.tandem.portal.shared.ShownOnceDialog;
import org.tandem.domain.tenant.NotHomeNodeException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * API tokens for the REST API ({@code /api}, described at {@code /api/openapi.json}), acting with the
 * rights of the login that makes them. Every admin of the same reseller or tenant sees them all and may
 * revoke any, so a colleague's leaked token can be stopped. A new token is shown once. The operator has
 * none: its reach is too wide for a secret kept in a script.
 */
@Route(value = "api-tokens", layout = MainLayout.class)
@PageTitle("API tokens | Tandem")
@RolesAllowed({"RESELLER_ADMIN", "TENANT_ADMIN"})
public class ApiTokensView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ApiTokenService tokens;
    private final Actor actor;
    private final TextField name = new TextField("Name");
    private final ComboBox<Validity> validity = new ComboBox<>("Valid for", Validity.values());
    private final FormMessages messages = new FormMessages();
    private final Grid<ApiTokenSummary> grid = new Grid<>(ApiTokenSummary.class, false);

    @Inject
    public ApiTokensView(ApiTokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.actor = currentUser.actor();

        name.setId("token-name");
        name.setPlaceholder("What will use it, e.g. billing sync");
        validity.setId("token-validity");
        validity.setItemLabelGenerator(Validity::label);
        validity.setValue(Validity.NINETY_DAYS);
        validity.setAllowCustomValue(false);
        messages.field(ApiTokenService.NAME, name);
        messages.field(ApiTokenService.EXPIRES_AT, validity);
        Button issue = Forms.primaryButton("Create token", "create-token", this::issue);
        HorizontalLayout form = Forms.row(name, validity, issue);

        grid.setId("api-tokens");
        grid.addColumn(ApiTokenSummary::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(ApiTokenSummary::prefix).setHeader("Starts with").setAutoWidth(true);
        grid.addColumn(ApiTokenSummary::owner).setHeader("Made by").setAutoWidth(true);
        grid.addColumn(ApiTokenSummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(token -> time(token.createdAt(), "")).setHeader("Created").setAutoWidth(true);
        grid.addColumn(token -> time(token.expiresAt(), "never")).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(token -> time(token.lastUsedAt(), "never")).setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H2("API tokens"), new Paragraph("Programs use a token to do through the REST API at /api what you "
                        + "do here, with your access and no more. The API is described at /api/openapi.json."),
                form, messages.general(), grid);
        refresh();
    }

    private Button revokeButton(ApiTokenSummary token) {
        Button revoke = new Button("Revoke", click -> new Confirmation("Revoke the API token " + token.name() + "?",
                "Programs using it (it starts with " + token.prefix() + ") are refused from now on, and it cannot be "
                        + "turned back on: give them a new token.",
                "Revoke", "confirm-revoke", () -> {
                    tokens.revoke(actor, token.id());
                    refresh();
                }).open());
        revoke.setId("revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(token.status() != ApiTokenStatus.REVOKED);
        return revoke;
    }

    private void issue() {
        try {
            Validity chosen = validity.getValue() == null ? Validity.NEVER : validity.getValue();
            IssuedApiToken issued = tokens.issue(actor, name.getValue(), chosen.expiryFrom(Instant.now()));
            messages.clear();
            name.clear();
            refresh();
            shownOnce(issued).open();
        } catch (InvalidInputException refused) {
            messages.show(refused);
        } catch (NotHomeNodeException refused) {
            messages.showGeneral(refused.getMessage());
        }
    }

    private static Dialog shownOnce(IssuedApiToken issued) {
        Dialog dialog = new ShownOnceDialog("token", "token-done");
        dialog.setHeaderTitle("API token " + issued.token().name());
        Span text = new Span(issued.secret());
        text.setId("token-text");
        text.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        dialog.add(new Paragraph("Copy the token now: this is the only time it is shown. Send it as "
                + "Authorization: Bearer <token>."), text);
        return dialog;
    }

    /** How long a new token works; a token that never expires is offered, not preferred. */
    enum Validity {
        THIRTY_DAYS("30 days", Duration.ofDays(30)),
        NINETY_DAYS("90 days", Duration.ofDays(90)),
        ONE_YEAR("1 year", Duration.ofDays(365)),
        NEVER("Until revoked", null);

        private final String label;
        private final Duration length;

        Validity(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        String label() {
            return label;
        }

        Instant expiryFrom(Instant now) {
            return length == null ? null : now.plus(length);
        }
    }

    private static String time(Instant instant, String none) {
        return instant == null ? none : TIME.format(instant);
    }

    private void refresh() {
        grid.setItems(tokens.tokens(actor));
    }
}
