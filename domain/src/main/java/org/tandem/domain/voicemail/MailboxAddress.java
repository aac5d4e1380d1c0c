package org.tandem.domain.voicemail;

import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.tenant.SipDomain;

import java.util.Objects;
import java.util.UUID;

/**
 * Whose message-waiting lamps a mailbox lights: its extension's SIP address ({@code number@domain}),
 * which the phones of that extension register and subscribe for.
 */
public record MailboxAddress(UUID mailboxId, UUID tenantId, SipDomain domain, ExtensionNumber extension) {

    public MailboxAddress {
        Objects.requireNonNull(mailboxId, "mailbox");
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(domain, "SIP domain");
        Objects.requireNonNull(extension, "extension");
    }
}
