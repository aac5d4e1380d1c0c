package org.tandem.engine.services;

import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.VoicemailChanges;
import org.tandem.domain.voicemail.VoicemailMessages;

import java.util.Objects;

/**
 * What the engine reads of voicemail for the message-waiting lamps: the mailboxes, their messages'
 * counts, the news of their changes, and the lamps' policy.
 */
public record Voicemail(Mailboxes mailboxes, VoicemailMessages messages, VoicemailChanges changes,
                        MessageWaitingPolicy lamps) {

    public Voicemail {
        Objects.requireNonNull(mailboxes, "mailboxes");
        Objects.requireNonNull(messages, "voicemail messages");
        Objects.requireNonNull(changes, "voicemail changes");
        Objects.requireNonNull(lamps, "message-waiting policy");
    }

    /** No mailbox at all: every subscription to one gets 404. For engines without a database. */
    public static final Voicemail NONE = new Voicemail(NoVoicemail.INSTANCE, NoVoicemail.INSTANCE,
            VoicemailChanges.NONE, MessageWaitingPolicy.DEFAULT);

    public Voicemail withLamps(MessageWaitingPolicy policy) {
        return new Voicemail(mailboxes, messages, changes, policy);
    }
}
