package org.tandem.administration.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.shared.TenantChanges;
import org.tandem.domain.registration.RegistrationFeed;

/** This node's event bus for registration changes, fed by the database's notifications. */
@ApplicationScoped
public class RegistrationChanges extends TenantChanges {

    /** For CDI's client proxy only. */
    protected RegistrationChanges() {
    }

    @Inject
    public RegistrationChanges(RegistrationFeed feed) {
        super(feed, "registration");
    }
}
