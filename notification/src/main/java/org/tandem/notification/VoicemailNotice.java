package org.tandem.notification;

import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.VoicemailMessage;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What one voicemail mail tells: a stored message, its mailbox, and the names its owner knows them by.
 *
 * @param ownerName  the mailbox's extension's display name ("Alice Archer"), empty if it has none
 * @param tenantName the tenant's display name
 * @param zone       the tenant's time zone, if it has one; the time is shown in UTC otherwise
 */
public record VoicemailNotice(VoicemailMessage message, Mailbox mailbox, String ownerName, String tenantName,
                              Optional<ZoneId> zone) {

    public VoicemailNotice {
        // a missing message or mailbox fails the check below
        Objects.requireNonNull(ownerName, "owner's name");
        Objects.requireNonNull(tenantName, "tenant's name");
        Objects.requireNonNull(zone, "zone");
        if (!message.mailboxId().equals(mailbox.extensionId())) {
            throw new IllegalArgumentException("message " + message.id() + " is not in the mailbox of extension "
                    + mailbox.extension().digits());
        }
    }
}
