package org.tandem.engine.voicemail;

import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.VoicemailMessages;

import java.util.Objects;

/**
 * Where voicemail's data is: the mailboxes (read when a call may reach one), the messages (added) and the
 * mailboxes' owners (the language their callers hear, the names their mail gives).
 */
public record VoicemailStorage(Mailboxes mailboxes, VoicemailMessages messages, MailboxOwners owners) {

    public VoicemailStorage {
        Objects.requireNonNull(mailboxes, "mailboxes");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(owners, "owners");
    }
}
