package org.tandem.api.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tandem.administration.extension.ExtensionService;
import org.tandem.administration.extension.ExtensionSummary;
import org.tandem.administration.extension.ImportResult;
import org.tandem.administration.extension.IssuedCredentials;
import org.tandem.administration.extension.TenantExtensions;
import org.tandem.api.problem.Problems;
import org.tandem.api.security.CallingActor;

import java.util.UUID;

/**
 * A tenant's extensions. A created extension's answer carries its SIP password, the only time it is
 * given out; {@code POST .../password} makes a new one.
 */
@Path("tenants/{tenantId}/extensions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExtensionsResource {

    @Inject
    ExtensionService extensions;

    @Inject
    CallingActor caller;

    @PathParam("tenantId")
    UUID tenantId;

    @GET
    public TenantExtensions list() {
        return extensions.extensions(caller.get(), tenantId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ExtensionRequest request, @Context UriInfo uri) {
        ExtensionRequest body = required(request);
        IssuedCredentials issued = extensions.create(caller.get(), tenantId, body.number(), body.displayName());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.extension().id().toString()).build())
                .entity(issued).build();
    }

    @PATCH
    @Path("{extensionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExtensionSummary rename(@PathParam("extensionId") UUID extensionId, ExtensionRequest request) {
        return extensions.rename(caller.get(), tenantId, extensionId, required(request).displayName());
    }

    @POST
    @Path("{extensionId}/password")
    public IssuedCredentials newPassword(@PathParam("extensionId") UUID extensionId) {
        return extensions.newSipPassword(caller.get(), tenantId, extensionId);
    }

    @DELETE
    @Path("{extensionId}")
    public Response delete(@PathParam("extensionId") UUID extensionId) {
        extensions.delete(caller.get(), tenantId, extensionId);
        return Response.noContent().build();
    }

    /** Lines of {@code number,name}: all are created (200) or none (422, each line's problem listed). */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Response importCsv(String csv) {
        ImportResult result = extensions.importCsv(caller.get(), tenantId, csv);
        return result.succeeded() ? Response.ok(result).build()
                : Response.status(Problems.UNPROCESSABLE_CONTENT).type(MediaType.APPLICATION_JSON).entity(result).build();
    }

    private static ExtensionRequest required(ExtensionRequest request) {
        if (request == null) {
            throw new BadRequestException();
        }
        return request;
    }
}
