package org.tandem.administration.voicemail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.shared.TenantChanges;
import org.tandem.domain.shared.TenantChangeFeed;
import org.tandem.domain.voicemail.MailboxChangeFeed;

/** The database's voicemail changes, told to the watchers of each mailbox (keyed by the mailbox's id). */
@ApplicationScoped
public class VoicemailChanges extends TenantChanges {

    @Inject
    private MailboxChangeFeed feed;

    @Override
    protected TenantChangeFeed feed() {
        return feed;
    }

    @Override
    protected String kind() {
        return "voicemail";
    }
}
