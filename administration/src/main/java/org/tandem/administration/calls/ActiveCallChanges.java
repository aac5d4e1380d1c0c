package org.tandem.administration.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.shared.TenantChanges;
import org.tandem.domain.call.ActiveCallFeed;
import org.tandem.domain.shared.TenantChangeFeed;

/** This node's event bus for active calls, fed by the database's notifications. */
@ApplicationScoped
public class ActiveCallChanges extends TenantChanges {

    @Inject
    private ActiveCallFeed feed;

    @Override
    protected TenantChangeFeed feed() {
        return feed;
    }

    @Override
    protected String kind() {
        return "active call";
    }
}
