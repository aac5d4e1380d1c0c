package org.tandem.api.voicemail;

import org.tandem.administration.voicemail.MessageEntry;
import org.tandem.domain.voicemail.MessageFolder;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in a mailbox; its recording is at {@code audio}, relative to the message.
 *
 * @param callerName null when the call sent none
 */
public record VoicemailMessage(UUID id, MessageFolder folder, boolean read, String callerNumber, String callerName,
                               Instant receivedAt, int durationSeconds) {

    static VoicemailMessage of(MessageEntry entry) {
        return new VoicemailMessage(entry.id(), entry.folder(), entry.read(), entry.callerNumber(), entry.callerName(),
                entry.receivedAt(), entry.durationSeconds());
    }
}
