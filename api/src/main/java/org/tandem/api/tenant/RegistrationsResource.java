package org.tandem.api.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tandem.administration.registration.RegisteredPhone;
import org.tandem.administration.registration.RegistrationService;
import org.tandem.api.security.CallingActor;

import java.util.List;
import java.util.UUID;

/** The phones a tenant has registered now, on every node. */
@Path("tenants/{tenantId}/registrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationsResource {

    @Inject
    RegistrationService registrations;

    @Inject
    CallingActor caller;

    @GET
    public List<RegisteredPhone> list(@PathParam("tenantId") UUID tenantId) {
        return registrations.registrations(caller.get(), tenantId);
    }
}
