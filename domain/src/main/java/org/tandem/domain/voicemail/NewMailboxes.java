package org.tandem.domain.voicemail;

import java.util.List;

/**
 * Opens the mailboxes of extensions made in the caller's transaction (their tenant's home node has been
 * checked there already): an extension and its mailbox are stored together or not at all.
 */
public interface NewMailboxes {

    /** Adds {@code opened}, each with an extension added earlier in this transaction. */
    void open(List<Mailbox> opened);
}
