package org.tandem.administration.registration;

import org.tandem.administration.access.Actor;

import java.util.List;
import java.util.UUID;

/** A tenant's registered phones, for the tenant's admins, its reseller and the operator. */
public interface RegistrationService {

    /** The phones registered now for {@code tenantId}'s extensions, on every node, by extension. */
    List<RegisteredPhone> registrations(Actor actor, UUID tenantId);

    /**
     * Calls {@code onChange} (on a thread of the feed: be quick) whenever the tenant's registrations
     * may have changed, until the returned handle is closed. Checked like {@link #registrations}.
     */
    AutoCloseable watch(Actor actor, UUID tenantId, Runnable onChange);
}
