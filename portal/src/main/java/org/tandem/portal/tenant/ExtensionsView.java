package org.tandem.portal.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.extension.ExtensionService;
import org.tandem.administration.extension.ExtensionSummary;
import org.tandem.administration.extension.CsvImportLimits;
import org.tandem.administration.extension.ImportProblem;
import org.tandem.administration.extension.ImportResult;
import org.tandem.administration.extension.IssuedCredentials;
import org.tandem.administration.extension.IssuedPortalLogin;
import org.tandem.administration.extension.TenantExtensions;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.shared.OverPlanException;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.Confirmation;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.Forms;
import org.tandem.portal.shared.RouteIds;
import org.tandem.domain.tenant.NotHomeNodeException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's extensions: add one (its SIP password and its mailbox's PIN are shown once), rename, new
 * password, delete, give its person a portal login of their own (its generated password shown once) or
 * remove it, and add many from CSV, pasted or uploaded. Refusals show where they belong: beside the
 * field, or above the list for the plan's limit and for the lines of a CSV.
 */
@Route(value = TenantRoute.PATH + "extensions", layout = MainLayout.class)
@PageTitle("Extensions | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN", "TENANT_ADMIN"})
public class ExtensionsView extends VerticalLayout implements BeforeEnterObserver {

    private final ExtensionService extensions;
    private final Actor actor;
    private UUID tenantId;

    private final H2 title = new H2();
    private final Paragraph usage = new Paragraph();
    private final TextField number = new TextField("Number");
    private final TextField displayName = new TextField("Name");
    private final FormMessages messages = new FormMessages();
    private final Grid<ExtensionSummary> grid = new Grid<>(ExtensionSummary.class, false);
    private final TextArea csv = new TextArea("Many at once: one extension a line, number,name");
    private final Grid<ImportProblem> problems = new Grid<>(ImportProblem.class, false);
    private final Paragraph problemCount = new Paragraph();

    @Inject
    public ExtensionsView(ExtensionService extensions, CurrentUser currentUser) {
        this.extensions = extensions;
        this.actor = currentUser.actor();

        title.setId("tenant-name");
        usage.setId("extension-usage");
        number.setId("extension-number");
        displayName.setId("extension-name");
        messages.field(ExtensionService.NUMBER, number).field(ExtensionService.DISPLAY_NAME, displayName);
        Button add = Forms.primaryButton("Add extension", "add-extension", this::create);
        add.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        HorizontalLayout form = Forms.row(number, displayName, add);

        grid.setId("extensions");
        grid.addColumn(ExtensionSummary::number).setHeader("Number").setAutoWidth(true);
        grid.addColumn(ExtensionSummary::displayName).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(extension -> extension.login().orElse("")).setKey("portal-login").setHeader("Portal login")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        csv.setId("csv");
        csv.setPlaceholder("101,Alice Archer\n102,Bob Baker");
        csv.setWidth("32em");
        Button importCsv = new Button("Create from CSV", click -> importCsv(csv.getValue()));
        importCsv.setId("import-csv");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> importCsv(new String(bytes, StandardCharsets.UTF_8))))));
        upload.setId("csv-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setMaxFileSize(CsvImportLimits.fromSystemProperties().maxBytes());
        problems.setId("import-problems");
        problems.addColumn(problem -> problem.line() == 0 ? "file" : "line " + problem.line()).setHeader("Where").setAutoWidth(true);
        problems.addColumn(ImportProblem::text).setHeader("Line").setAutoWidth(true);
        problems.addColumn(ImportProblem::message).setHeader("Problem").setAutoWidth(true).setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        problemCount.setId("import-problem-count");
        problemCount.setVisible(false);

        add(title, usage, form, messages.general(), grid, new H3("Bulk create"), csv,
                new HorizontalLayout(importCsv, upload), problemCount, problems);
    }

    public static RouteParameters parameters(UUID tenantId) {
        return TenantRoute.of(tenantId);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenantId = RouteIds.get(event, TenantRoute.TENANT_ID);
        refresh();
    }

    private void refresh() {
        TenantExtensions tenant = extensions.extensions(actor, tenantId);
        title.setText("Extensions of " + tenant.companyName());
        usage.setText(tenant.extensions().size() + " of " + tenant.maxExtensions() + " extensions in use · SIP domain "
                + tenant.sipDomain());
        grid.setItems(tenant.extensions());
    }

    private void create() {
        try {
            IssuedCredentials issued = extensions.create(actor, tenantId, number.getValue(), displayName.getValue());
            messages.clear();
            number.clear();
            displayName.clear();
            number.focus();
            refresh();
            new CredentialsDialog(List.of(issued)).open();
        } catch (InvalidInputException refused) {
            messages.show(refused);
        } catch (OverPlanException | AlreadyTakenException | NotHomeNodeException | AccessDeniedException refused) {
            messages.showGeneral(refused.getMessage());
        }
    }

    private HorizontalLayout actions(ExtensionSummary extension) {
        Button rename = new Button("Rename", click -> renameDialog(extension).open());
        rename.setId("rename-" + extension.number());
        Button password = new Button("New password", click -> newPasswordDialog(extension).open());
        password.setId("new-password-" + extension.number());
        Button delete = new Button("Delete", click -> deleteDialog(extension).open());
        delete.setId("delete-" + extension.number());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button login = extension.login().isPresent()
                ? new Button("Remove portal login", click -> removeLoginDialog(extension).open())
                : new Button("Portal login", click -> newLoginDialog(extension).open());
        login.setId((extension.login().isPresent() ? "remove-login-" : "portal-login-") + extension.number());
        List.of(rename, password, login, delete).forEach(button -> button.addThemeVariants(ButtonVariant.LUMO_SMALL));
        return new HorizontalLayout(rename, password, login, delete);
    }

    private Dialog newLoginDialog(ExtensionSummary extension) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Portal login for extension " + extension.number());
        TextField username = new TextField("Username");
        username.setId("login-username");
        username.setHelperText("3 to 64 letters, digits or . _ @ -; a strong password is generated");
        FormMessages loginMessages = new FormMessages().field(ExtensionService.LOGIN_USERNAME, username);
        dialog.add(new Paragraph(extension.displayName() + " signs in with it to see their own phone and calls."),
                username, loginMessages.general());
        Button create = Forms.primaryButton("Create login", "create-login", () -> {
            try {
                IssuedPortalLogin issued = extensions.createPortalLogin(actor, tenantId, extension.id(), username.getValue());
                dialog.close();
                refresh();
                new IssuedLoginDialog(issued).open();
            } catch (InvalidInputException refused) {
                loginMessages.show(refused);
            } catch (AlreadyTakenException | NotHomeNodeException | AccessDeniedException refused) {
                loginMessages.showGeneral(refused.getMessage());
            }
        });
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
        return dialog;
    }

    private Dialog newPasswordDialog(ExtensionSummary extension) {
        return new Confirmation("Give extension " + extension.number() + " a new SIP password?",
                "The current password stops working at once: " + extension.displayName() + "'s phones can no longer "
                        + "make calls, and are refused at their next registration, until they are set up with the new "
                        + "password, shown once next.",
                "New password", "confirm-new-password",
                () -> new CredentialsDialog(List.of(extensions.newSipPassword(actor, tenantId, extension.id()))).open());
    }

    private Dialog removeLoginDialog(ExtensionSummary extension) {
        return confirmDialog("Remove the portal login " + extension.login().orElseThrow() + "?",
                "It can no longer sign in, and its API tokens stop working. Extension " + extension.number()
                        + " and its phones are not affected.",
                "Remove", "confirm-remove-login", () -> extensions.removePortalLogin(actor, tenantId, extension.id()));
    }

    private Dialog renameDialog(ExtensionSummary extension) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename extension " + extension.number());
        TextField name = new TextField("Name", extension.displayName(), "");
        name.setId("new-name");
        dialog.add(name);
        Button save = Forms.primaryButton("Save", "save-name", () -> {
            try {
                extensions.rename(actor, tenantId, extension.id(), name.getValue());
                dialog.close();
                refresh();
            } catch (InvalidInputException refused) {
                name.setErrorMessage(String.join("; ", refused.messages().values()));
                name.setInvalid(true);
            }
        });
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        return dialog;
    }

    private Dialog deleteDialog(ExtensionSummary extension) {
        return confirmDialog("Delete extension " + extension.number() + "?",
                extension.displayName() + "'s phones stop working at their next registration. "
                        + "The number can be given out again."
                        + extension.login().map(login -> " The portal login " + login + " stays but sees nothing: "
                        + "remove it first if it is no longer needed.").orElse(""),
                "Delete", "confirm-delete", () -> extensions.delete(actor, tenantId, extension.id()));
    }

    /** Asks first; {@code confirmed} runs on the red button, then the list reloads. */
    private Dialog confirmDialog(String question, String consequences, String action, String confirmId, Runnable confirmed) {
        return new Confirmation(question, consequences, action, confirmId, () -> {
            confirmed.run();
            refresh();
        });
    }

    private void importCsv(String text) {
        ImportResult result = extensions.importCsv(actor, tenantId, text);
        problems.setItems(result.problems());
        problems.setVisible(!result.succeeded());
        problemCount.setText(result.summary());
        problemCount.setVisible(!result.succeeded());
        if (result.succeeded()) {
            csv.clear();
            refresh();
            new CredentialsDialog(result.created()).open();
        }
    }
}
