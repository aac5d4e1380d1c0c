package org.tandem.administration.voicemail;

/**
 * A mailbox just opened for an extension that had none, with its generated PIN: the PIN exists only in
 * this answer (the database keeps its hash), so it is shown to the person once and never again.
 */
public record OpenedMailbox(MailboxSummary mailbox, String pin) {

    @Override
    public String toString() {
        return "OpenedMailbox[" + mailbox.number() + ", PIN hidden]";
    }
}
