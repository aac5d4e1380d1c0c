package org.tandem.administration.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.shared.TenantChanges;
import org.tandem.domain.registration.RegistrationFeed;
import org.tandem.domain.shared.TenantChangeFeed;

/** This node's event bus for registration changes, fed by the database's notifications. */
@ApplicationScoped
public class RegistrationChanges extends TenantChanges {

    @Inject
    private RegistrationFeed feed;

    @Override
    protected TenantChangeFeed feed() {
        return feed;
    }

    @Override
    protected String kind() {
        return "registration";
    }
}
