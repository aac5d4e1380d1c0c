package org.tandem.domain.voicemail;

import org.tandem.domain.shared.TenantChangeFeed;

/**
 * The mailboxes whose messages changed on any node (one arrived, or was filed or purged): the feed's ids
 * are mailbox ids (their extensions' ids), not tenant ids.
 */
public interface MailboxChangeFeed extends TenantChangeFeed {
}
