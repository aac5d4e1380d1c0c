package org.tandem.domain.voicemail;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's mailboxes: configuration, so every change is made on the tenant's home node (ADR 0003);
 * reads work anywhere.
 */
public interface Mailboxes {

    /** The mailbox of extension {@code number} of {@code tenantId}, if it has one. */
    Optional<Mailbox> find(UUID tenantId, String number);

    /** The SIP address of mailbox {@code mailboxId} (its extension's id), if it exists. */
    Optional<MailboxAddress> addressOf(UUID mailboxId);

    /** The tenant's mailboxes by extension number. */
    List<Mailbox> ofTenant(UUID tenantId);

    /**
     * Adds {@code mailbox}; refuses ({@link IllegalArgumentException}) one whose extension is not that
     * number of that tenant, and ({@link org.tandem.domain.shared.AlreadyTakenException}) a second one for
     * an extension.
     */
    void add(Mailbox mailbox);

    /** Replaces every setting of {@code mailbox} (found by its extension in its tenant); false if there is none. */
    boolean replace(Mailbox mailbox);
}
