package org.tandem.portal.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.StreamResource;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.voicemail.MailboxChange;
import org.tandem.administration.voicemail.MailboxSummary;
import org.tandem.administration.voicemail.MessageAudio;
import org.tandem.administration.voicemail.MessageEntry;
import org.tandem.administration.voicemail.VoicemailService;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.portal.shared.Confirmation;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.Forms;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * One mailbox, as its owner or the tenant's admin sees it: its messages (played in the browser through
 * an audio element reading the file store, downloaded, marked read, deleted) and its settings form.
 * Shared by the admin's voicemail page and a tenant user's own.
 */
final class VoicemailPanel extends VerticalLayout {

    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("UTC"));

    private final VoicemailService voicemail;
    private final Actor actor;
    private final H3 title = new H3();
    private final Paragraph counts = new Paragraph();
    private final Grid<MessageEntry> messages = new Grid<>(MessageEntry.class, false);
    private final Element player = new Element("audio");
    private final Checkbox enabled = new Checkbox("Callers reach the mailbox");
    private final IntegerField noAnswer = new IntegerField("Seconds the phone rings first");
    private final TextField email = new TextField("Email new messages to");
    private final Checkbox attach = new Checkbox("Attach the recording");
    private final PasswordField pin = new PasswordField("New PIN");
    private final FormMessages formMessages = new FormMessages();
    private final Paragraph saved = new Paragraph();
    private UUID tenantId;
    private String number;

    VoicemailPanel(VoicemailService voicemail, Actor actor) {
        this.voicemail = voicemail;
        this.actor = actor;
        title.setId("mailbox-title");
        counts.setId("mailbox-counts");
        messages.setId("voicemail-messages");
        messages.addColumn(entry -> RECEIVED.format(entry.receivedAt()) + " UTC").setHeader("Received").setAutoWidth(true);
        messages.addColumn(entry -> entry.callerName() == null ? entry.callerNumber()
                : entry.callerName() + " (" + entry.callerNumber() + ")").setHeader("From").setAutoWidth(true);
        messages.addColumn(entry -> entry.durationSeconds() + " s").setHeader("Length").setAutoWidth(true);
        messages.addColumn(entry -> entry.read() ? "read" : "new").setHeader("Status").setKey("status").setAutoWidth(true);
        messages.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(1);
        messages.setAllRowsVisible(true);
        player.setAttribute("controls", true);
        player.setAttribute("id", "voicemail-player");
        Div playerBox = new Div();
        playerBox.getElement().appendChild(player);

        enabled.setId("mailbox-enabled");
        noAnswer.setId("mailbox-no-answer");
        noAnswer.setStepButtonsVisible(true);
        email.setId("mailbox-email");
        attach.setId("mailbox-attach");
        pin.setId("mailbox-pin");
        pin.setHelperText("4 to 10 digits; leave empty to keep the PIN");
        saved.setId("mailbox-saved");
        formMessages.field(VoicemailService.NO_ANSWER, noAnswer).field(VoicemailService.EMAIL, email)
                .field(VoicemailService.PIN, pin);
        Button save = Forms.primaryButton("Save settings", "save-mailbox", this::save);
        HorizontalLayout form = new HorizontalLayout(enabled, noAnswer, email, attach, pin, save);
        form.setWrap(true);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(title, counts, playerBox, messages, new H3("Settings"), form, formMessages.general(), saved);
        setPadding(false);
    }

    /** Shows mailbox {@code number} of the tenant. */
    void show(UUID tenant, String mailboxNumber) {
        this.tenantId = tenant;
        this.number = mailboxNumber;
        MailboxSummary mailbox = voicemail.mailbox(actor, tenant, mailboxNumber);
        fill(mailbox);
        refresh(mailbox, voicemail.messages(actor, tenant, mailboxNumber));
    }

    /** The counts and messages read again (the settings being edited are left alone). */
    Runnable reread() {
        MailboxSummary mailbox = voicemail.mailbox(actor, tenantId, number);
        List<MessageEntry> entries = voicemail.messages(actor, tenantId, number);
        return () -> refresh(mailbox, entries);
    }

    String number() {
        return number;
    }

    private void refresh(MailboxSummary mailbox, List<MessageEntry> entries) {
        title.setText("Mailbox " + mailbox.number() + (mailbox.displayName().isEmpty() ? "" : " " + mailbox.displayName()));
        counts.setText(mailbox.newMessages() + " new, " + mailbox.savedMessages() + " read"
                + (mailbox.enabled() ? "" : " (callers do not reach it now)"));
        messages.setItems(entries);
    }

    private void fill(MailboxSummary mailbox) {
        enabled.setValue(mailbox.enabled());
        noAnswer.setValue(mailbox.noAnswerSeconds());
        email.setValue(mailbox.email() == null ? "" : mailbox.email());
        attach.setValue(mailbox.attachAudio());
        pin.clear();
        formMessages.clear();
        saved.setText("");
    }

    private HorizontalLayout actions(MessageEntry entry) {
        String id = entry.id().toString();
        Button play = new Button("Play", click -> {
            player.setAttribute("src", recording(entry));
            player.callJsFunction("play");
        });
        play.setId("play-" + id);
        Anchor download = new Anchor(recording(entry), "Download");
        download.getElement().setAttribute("download", true);
        download.setId("download-" + id);
        Button markRead = new Button("Mark read", click -> act(() -> voicemail.markRead(actor, tenantId, number, entry.id())));
        markRead.setId("mark-read-" + id);
        markRead.setEnabled(!entry.read());
        Button delete = new Button("Delete", click -> new Confirmation("Delete this message?",
                "The message from " + entry.callerNumber() + " is gone for good, from the phone's menus too.",
                "Delete", "confirm-delete-message",
                () -> act(() -> voicemail.delete(actor, tenantId, number, entry.id()))).open());
        delete.setId("delete-" + id);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        List.of(play, markRead, delete).forEach(button -> button.addThemeVariants(ButtonVariant.LUMO_SMALL));
        return new HorizontalLayout(play, download, markRead, delete);
    }

    /** The recording, read from the file store only when the browser asks for it. */
    private StreamResource recording(MessageEntry entry) {
        UUID tenant = tenantId;
        String mailbox = number;
        StreamResource resource = new StreamResource(entry.id() + ".wav",
                () -> voicemail.audio(actor, tenant, mailbox, entry.id()).content());
        resource.setContentType(MessageAudio.MEDIA_TYPE);
        return resource;
    }

    /** A filing or deletion, then the list as it is now; a message gone meanwhile just leaves the list. */
    private void act(Runnable change) {
        try {
            change.run();
        } catch (NotFoundException gone) {
            formMessages.showGeneral(gone.getMessage());
        }
        reread().run();
    }

    private void save() {
        try {
            MailboxSummary changed = voicemail.changeSettings(actor, tenantId, number, new MailboxChange(enabled.getValue(),
                    noAnswer.getValue() == null ? null : noAnswer.getValue().longValue(), email.getValue(),
                    attach.getValue(), pin.getValue()));
            fill(changed);
            saved.setText("Settings saved");
            refresh(changed, voicemail.messages(actor, tenantId, number));
        } catch (InvalidInputException refused) {
            formMessages.show(refused);
            saved.setText("");
        } catch (NotHomeNodeException | AccessDeniedException refused) {
            formMessages.showGeneral(refused.getMessage());
            saved.setText("");
        }
    }
}
