package org.tandem.api.calls;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tandem.administration.calls.ActiveCallService;
import org.tandem.api.security.Caller;

import java.util.UUID;

/** The tenant's calls up now ({@link ActiveCallService}); another tenant's id is 404. */
@Path("v1/tenants/{tenantId}/active-calls")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ActiveCallsResource {

    @Inject
    private ActiveCallService calls;
    @Inject
    private Caller caller;

    @GET
    public ActiveCallList activeCalls(@PathParam("tenantId") UUID tenantId) {
        return new ActiveCallList(tenantId, calls.activeCalls(caller.actor(), tenantId).stream()
                .map(ActiveCall::of).toList());
    }
}
