package org.tandem.engine.services;

import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.VoicemailChanges;
import org.tandem.domain.voicemail.VoicemailMessages;

import java.util.Objects;

/**
 * Where voicemail's data is for the engine: the mailboxes calls may reach and the lamps read, the
 * messages (added by the node that records them, counted for the lamps), the news of their changes, and
 * the lamps' policy.
 */
public record VoicemailData(Mailboxes mailboxes, VoicemailMessages messages, VoicemailChanges changes,
                            MessageWaitingPolicy lamps) {

    public VoicemailData {
        Objects.requireNonNull(mailboxes, "mailboxes");
        Objects.requireNonNull(messages, "voicemail messages");
        Objects.requireNonNull(changes, "voicemail changes");
        Objects.requireNonNull(lamps, "message-waiting policy");
    }

    /** No mailbox at all: every subscription to one gets 404. For engines without a database. */
    public static final VoicemailData NONE = new VoicemailData(NoVoicemail.INSTANCE, NoVoicemail.INSTANCE,
            VoicemailChanges.NONE, MessageWaitingPolicy.DEFAULT);

    public VoicemailData withLamps(MessageWaitingPolicy policy) {
        return new VoicemailData(mailboxes, messages, changes, policy);
    }
}
