package org.tandem.domain.voicemail;

import org.tandem.domain.extension.ExtensionNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message left in a mailbox. Everything but its folder is written once, by the node that recorded
 * it ({@code recordedBy}); its folder is the furthest any node filed it ({@link MessageFolder}).
 *
 * @param file where the recording is, relative to the file store's root: {@link #fileOf}
 */
public record VoicemailMessage(UUID id, UUID mailboxId, UUID tenantId, ExtensionNumber extension, CallerId caller,
                               Instant receivedAt, Duration duration, MessageFolder folder, String file,
                               UUID recordedBy) {

    /** Longer than any message a mailbox takes; the database checks it too. */
    public static final Duration MAX_DURATION = Duration.ofHours(1);

    public VoicemailMessage {
        if (mailboxId == null || recordedBy == null) {
            throw new IllegalArgumentException("a message is in a mailbox and was recorded by a node");
        }
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(receivedAt, "received at");
        Objects.requireNonNull(folder, "folder");
        if (duration == null || duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("a message lasts 0 to " + MAX_DURATION.toMinutes() + " minutes: " + duration);
        }
        // also refuses a null id, tenant or extension: the file's place is made of them
        if (id == null || tenantId == null || !fileOf(tenantId, extension, id).equals(file)) {
            throw new IllegalArgumentException("a message's file is " + fileOf(tenantId, extension, id) + ", not " + file);
        }
    }

    /** A message just recorded on node {@code recordedBy}: new, with a fresh id and its file's place. */
    public static VoicemailMessage recorded(Mailbox mailbox, CallerId caller, Instant receivedAt, Duration duration,
                                            UUID recordedBy) {
        UUID id = UUID.randomUUID();
        return new VoicemailMessage(id, mailbox.extensionId(), mailbox.tenantId(), mailbox.extension(), caller,
                receivedAt, duration, MessageFolder.NEW, fileOf(mailbox.tenantId(), mailbox.extension(), id), recordedBy);
    }

    /**
     * The file store's place for message {@code id}: {@code tenants/<tenant-id>/voicemail/<extension>/<id>.wav}.
     * Made only of a UUID, digits and a UUID, so no caller's input reaches a path.
     */
    public static String fileOf(UUID tenantId, ExtensionNumber extension, UUID id) {
        return "tenants/" + tenantId + "/voicemail/" + extension.digits() + "/" + id + ".wav";
    }

    /** The same message filed in {@code to}, or where it is if that is further. */
    public VoicemailMessage filedIn(MessageFolder to) {
        return new VoicemailMessage(id, mailboxId, tenantId, extension, caller, receivedAt, duration,
                folder.furthest(to), file, recordedBy);
    }
}
