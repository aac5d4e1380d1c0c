package org.tandem.portal.tenant;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.tandem.administration.voicemail.OpenedMailbox;
import org.tandem.portal.shared.ShownOnceDialog;

/**
 * Shows the PIN of a mailbox just opened, the only time anyone sees it: Tandem keeps only its hash.
 * Closing the dialog forgets it.
 */
final class OpenedMailboxDialog extends ShownOnceDialog {

    OpenedMailboxDialog(OpenedMailbox opened) {
        super("PIN", "opened-mailbox-done");
        setHeaderTitle("Mailbox of extension " + opened.mailbox().number());
        add(new Paragraph("The mailbox is on. Give the PIN to " + opened.mailbox().displayName() + " now: it is shown "
                        + "only this once, and can be changed in the mailbox's settings."),
                new Paragraph(new Span("Voicemail PIN: "), secret(opened.pin(), "voicemail-pin")));
    }
}
