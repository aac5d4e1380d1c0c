package org.tandem.engine.voicemail;

import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.VoicemailMessages;

import java.util.Objects;

/** Where voicemail's data is: the mailboxes (read when a call may reach one) and the messages (added). */
public record VoicemailStorage(Mailboxes mailboxes, VoicemailMessages messages) {

    public VoicemailStorage {
        Objects.requireNonNull(mailboxes, "mailboxes");
        Objects.requireNonNull(messages, "messages");
    }
}
