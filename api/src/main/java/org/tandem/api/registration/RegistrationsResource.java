package org.tandem.api.registration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tandem.administration.registration.RegistrationService;
import org.tandem.api.security.Caller;

import java.util.UUID;

/** The tenant's registered phones now ({@link RegistrationService}); another tenant's id is 404. */
@Path("v1/tenants/{tenantId}/registrations")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class RegistrationsResource {

    @Inject
    private RegistrationService registrations;
    @Inject
    private Caller caller;

    @GET
    public RegistrationList registrations(@PathParam("tenantId") UUID tenantId) {
        return new RegistrationList(tenantId, registrations.registrations(caller.actor(), tenantId).stream()
                .map(RegisteredPhone::of).toList());
    }
}
