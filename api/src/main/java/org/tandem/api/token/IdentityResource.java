package org.tandem.api.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tandem.administration.access.Actor;
import org.tandem.api.security.Caller;
import org.tandem.api.security.PasswordAccepted;

/** Who a token (or password) acts for: a script's first call, to learn its tenant id. */
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class IdentityResource {

    @Inject
    private Caller caller;

    @GET
    @PasswordAccepted
    public Identity me() {
        Actor actor = caller.actor();
        return new Identity(actor.username(), actor.role(), actor.resellerId(), actor.tenantId(), caller.proof().name());
    }
}
