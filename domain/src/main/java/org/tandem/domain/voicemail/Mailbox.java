package org.tandem.domain.voicemail;

import org.tandem.domain.extension.ExtensionNumber;

import java.util.Objects;
import java.util.UUID;

/**
 * An extension's mailbox, part of its tenant's configuration (written on the tenant's home node). Its id
 * is its extension's: an extension has one mailbox at most.
 *
 * @param extensionId the extension's id, also the mailbox's
 * @param extension   the extension's number, which the mailbox's files are filed under
 */
public record Mailbox(UUID extensionId, UUID tenantId, ExtensionNumber extension, VoicemailPin pin,
                      MailboxSettings settings) {

    public Mailbox {
        if (extensionId == null || tenantId == null || extension == null) {
            throw new IllegalArgumentException("a mailbox belongs to an extension of a tenant");
        }
        Objects.requireNonNull(pin, "PIN");
        Objects.requireNonNull(settings, "settings");
    }

    /** A new mailbox with {@link MailboxSettings#DEFAULT}. */
    public static Mailbox open(UUID extensionId, UUID tenantId, ExtensionNumber extension, VoicemailPin pin) {
        return new Mailbox(extensionId, tenantId, extension, pin, MailboxSettings.DEFAULT);
    }

    public Mailbox withSettings(MailboxSettings newSettings) {
        return new Mailbox(extensionId, tenantId, extension, pin, newSettings);
    }
}
