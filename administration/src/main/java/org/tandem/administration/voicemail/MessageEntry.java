package org.tandem.administration.voicemail;

import org.tandem.domain.voicemail.MessageFolder;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a mailbox, as listed.
 *
 * @param callerName the name the call sent, null when it sent none
 * @param read       whether it was heard or filed, so is no longer new
 */
public record MessageEntry(UUID id, MessageFolder folder, String callerNumber, String callerName, Instant receivedAt,
                           int durationSeconds, boolean read) {
}
