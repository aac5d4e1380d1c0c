package org.tandem.administration.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.shared.TenantChanges;
import org.tandem.domain.call.ActiveCallFeed;

/** This node's event bus for active calls, fed by the database's notifications. */
@ApplicationScoped
public class ActiveCallChanges extends TenantChanges {

    /** For CDI's client proxy only. */
    protected ActiveCallChanges() {
    }

    @Inject
    public ActiveCallChanges(ActiveCallFeed feed) {
        super(feed, "active call");
    }
}
