package org.tandem.portal.tenant;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.voicemail.ExtensionWithoutMailbox;
import org.tandem.administration.voicemail.MailboxSummary;
import org.tandem.administration.voicemail.VoicemailService;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.LiveList;
import org.tandem.portal.shared.RouteIds;

import java.util.List;
import java.util.UUID;

/**
 * The tenant's mailboxes with their counts and, for the one opened, its messages and settings; a new
 * message anywhere in the cluster shows up without a reload. Extensions without a mailbox (made before
 * every new one got its mailbox) are listed apart, each with a button that opens one and shows its PIN once.
 */
@Route(value = TenantRoute.PATH + "voicemail", layout = MainLayout.class)
@PageTitle("Voicemail | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN", "TENANT_ADMIN"})
public class VoicemailView extends VerticalLayout implements BeforeEnterObserver {

    private final VoicemailService voicemail;
    private final Actor actor;
    private final Grid<MailboxSummary> mailboxes = new Grid<>(MailboxSummary.class, false);
    private final FormMessages openRefusals = new FormMessages();
    private final Grid<ExtensionWithoutMailbox> withoutMailbox = new Grid<>(ExtensionWithoutMailbox.class, false);
    private final Paragraph withoutMailboxNote = new Paragraph("These extensions were made before every new extension "
            + "got its mailbox: callers cannot leave them messages until their mailbox is opened.");
    private final VoicemailPanel panel;
    private UUID tenantId;
    private AutoCloseable watching;

    @Inject
    public VoicemailView(VoicemailService voicemail, CurrentUser currentUser) {
        this.voicemail = voicemail;
        this.actor = currentUser.actor();
        this.panel = new VoicemailPanel(voicemail, actor);
        panel.setVisible(false);
        mailboxes.setId("mailboxes");
        mailboxes.addColumn(MailboxSummary::number).setHeader("Extension").setAutoWidth(true);
        mailboxes.addColumn(MailboxSummary::displayName).setHeader("Name").setAutoWidth(true);
        mailboxes.addColumn(MailboxSummary::newMessages).setHeader("New").setKey("new").setAutoWidth(true);
        mailboxes.addColumn(MailboxSummary::savedMessages).setHeader("Read").setAutoWidth(true);
        mailboxes.addColumn(mailbox -> mailbox.enabled() ? "on" : "off").setHeader("Mailbox").setAutoWidth(true);
        mailboxes.addComponentColumn(mailbox -> {
            Button open = new Button("Open", click -> open(mailbox.number()));
            open.setId("open-mailbox-" + mailbox.number());
            open.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return open;
        }).setKey("actions").setAutoWidth(true);
        mailboxes.setAllRowsVisible(true);
        withoutMailbox.setId("without-mailbox");
        withoutMailbox.addColumn(ExtensionWithoutMailbox::number).setHeader("Extension").setAutoWidth(true);
        withoutMailbox.addColumn(ExtensionWithoutMailbox::displayName).setHeader("Name").setAutoWidth(true);
        withoutMailbox.addColumn(extension -> "no mailbox").setHeader("Mailbox").setAutoWidth(true);
        withoutMailbox.addComponentColumn(extension -> {
            Button open = new Button("Open mailbox", click -> openMailbox(extension.number()));
            open.setId("open-new-mailbox-" + extension.number());
            open.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return open;
        }).setKey("actions").setAutoWidth(true);
        withoutMailbox.setAllRowsVisible(true);
        add(new H2("Voicemail"), new Paragraph("Each extension's mailbox: open one to hear, file or delete its "
                + "messages and change its settings."), mailboxes, withoutMailboxNote, openRefusals.general(), withoutMailbox, panel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenantId = RouteIds.get(event, TenantRoute.TENANT_ID);
        mailboxes.setItems(voicemail.mailboxes(actor, tenantId));
        showWithoutMailbox(voicemail.withoutMailbox(actor, tenantId));
    }

    private void showWithoutMailbox(List<ExtensionWithoutMailbox> extensions) {
        withoutMailbox.setItems(extensions);
        withoutMailbox.setVisible(!extensions.isEmpty());
        withoutMailboxNote.setVisible(!extensions.isEmpty());
    }

    /** Opens the extension's mailbox and shows its PIN once; a refusal (another admin was quicker, not the home node) in words. */
    private void openMailbox(String number) {
        openRefusals.clear();
        try {
            new OpenedMailboxDialog(voicemail.open(actor, tenantId, number)).open();
        } catch (AlreadyTakenException | NotHomeNodeException | AccessDeniedException | NotFoundException refused) {
            openRefusals.showGeneral(refused.getMessage());
        }
        mailboxes.setItems(voicemail.mailboxes(actor, tenantId));
        showWithoutMailbox(voicemail.withoutMailbox(actor, tenantId));
    }

    private void open(String number) {
        panel.show(tenantId, number);
        panel.setVisible(true);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        watching = LiveList.follow(event.getUI(), onChange -> voicemail.watch(actor, tenantId, onChange),
                this::read, Runnable::run);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        LiveList.stop(watching, "the tenant's voicemail");
    }

    /** Read on the feed's thread, shown on the page's. */
    private Runnable read() {
        List<MailboxSummary> now = voicemail.mailboxes(actor, tenantId);
        List<ExtensionWithoutMailbox> without = voicemail.withoutMailbox(actor, tenantId);
        Runnable opened = panel.isVisible() ? panel.reread() : () -> { };
        return () -> {
            mailboxes.setItems(now);
            showWithoutMailbox(without);
            opened.run();
        };
    }
}
