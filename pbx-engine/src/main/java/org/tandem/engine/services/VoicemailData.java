package org.tandem.engine.services;

import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.VoicemailChanges;
import org.tandem.domain.voicemail.VoicemailMessages;

import java.util.Objects;
import java.util.Optional;

/**
 * Where voicemail's data is for the engine: the mailboxes calls may reach and the lamps read, the
 * messages (added by the node that records them, counted for the lamps), the news of their changes, the
 * lamps' policy, and the mailboxes' owners (the language their callers hear, the names their mail gives).
 */
public record VoicemailData(Mailboxes mailboxes, VoicemailMessages messages, VoicemailChanges changes,
                            MessageWaitingPolicy lamps, MailboxOwners owners) {

    public VoicemailData {
        Objects.requireNonNull(mailboxes, "mailboxes");
        Objects.requireNonNull(messages, "voicemail messages");
        Objects.requireNonNull(changes, "voicemail changes");
        Objects.requireNonNull(lamps, "message-waiting policy");
        Objects.requireNonNull(owners, "mailbox owners");
    }

    /** No mailbox at all: every subscription to one gets 404. For engines without a database. */
    public static final VoicemailData NONE = new VoicemailData(NoVoicemail.INSTANCE, NoVoicemail.INSTANCE,
            VoicemailChanges.NONE, MessageWaitingPolicy.DEFAULT, mailbox -> Optional.empty());

    public VoicemailData withLamps(MessageWaitingPolicy policy) {
        return new VoicemailData(mailboxes, messages, changes, policy, owners);
    }
}
