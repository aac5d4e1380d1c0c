package org.tandem.api.extension;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.extension.ExtensionService;
import org.tandem.administration.extension.ImportResult;
import org.tandem.administration.extension.TenantExtensions;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.api.problem.ApiProblemException;
import org.tandem.api.problem.InputError;
import org.tandem.api.problem.Problem;
import org.tandem.api.problem.ProblemType;
import org.tandem.api.request.JsonRequest;
import org.tandem.api.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's extensions ({@link ExtensionService}). The tenant id is the caller's own tenant for a
 * tenant admin, or one of its customers for a reseller; any other tenant or extension id is 404.
 */
@Path("v1/tenants/{tenantId}/extensions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ExtensionsResource {

    public static final String TEXT_CSV = "text/csv";

    /** A create or update body; {@code namesDisplayName} tells a display name left out from one given as null. */
    private record ExtensionBody(String number, String displayName, boolean namesDisplayName) {

        static ExtensionBody read(String body) {
            JsonRequest request = JsonRequest.parse(body, Set.of(ExtensionService.NUMBER, ExtensionService.DISPLAY_NAME));
            String number = request.text(ExtensionService.NUMBER);
            String displayName = request.text(ExtensionService.DISPLAY_NAME);
            request.requireValid();
            return new ExtensionBody(number, displayName, request.has(ExtensionService.DISPLAY_NAME));
        }
    }

    @Inject
    private ExtensionService extensions;
    @Inject
    private Caller caller;

    @GET
    public ExtensionList list(@PathParam("tenantId") UUID tenantId) {
        return ExtensionList.of(extensions.extensions(caller.actor(), tenantId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenantId") UUID tenantId, String body, @Context UriInfo uri) {
        ExtensionBody extension = ExtensionBody.read(body);
        SipCredentials created = SipCredentials.of(extensions.create(caller.actor(), tenantId, extension.number(),
                extension.displayName()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.extension().id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("{extensionId}")
    public Extension extension(@PathParam("tenantId") UUID tenantId, @PathParam("extensionId") UUID extensionId) {
        return find(extensions.extensions(caller.actor(), tenantId), extensionId);
    }

    /** Changes the display name; the number is the extension's identity and cannot change. */
    @PATCH
    @Path("{extensionId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Extension update(@PathParam("tenantId") UUID tenantId, @PathParam("extensionId") UUID extensionId,
                            String body) {
        ExtensionBody change = ExtensionBody.read(body);
        TenantExtensions tenant = extensions.extensions(caller.actor(), tenantId);
        Extension current = find(tenant, extensionId);
        if (change.number() != null && !change.number().equals(current.number())) {
            throw InvalidInputException.of(ExtensionService.NUMBER,
                    "An extension's number cannot change: create one with the new number and delete this one");
        }
        if (!change.namesDisplayName()) {
            return current;
        }
        return Extension.of(extensions.rename(caller.actor(), tenantId, extensionId, change.displayName()),
                tenant.sipDomain());
    }

    @DELETE
    @Path("{extensionId}")
    public Response delete(@PathParam("tenantId") UUID tenantId, @PathParam("extensionId") UUID extensionId) {
        extensions.delete(caller.actor(), tenantId, extensionId);
        return Response.noContent().build();
    }

    /** A new SIP password; phones using the old one fail at their next registration. */
    @POST
    @Path("{extensionId}/sip-password")
    public SipCredentials newSipPassword(@PathParam("tenantId") UUID tenantId,
                                         @PathParam("extensionId") UUID extensionId) {
        return SipCredentials.of(extensions.newSipPassword(caller.actor(), tenantId, extensionId));
    }

    /** Creates every extension of the CSV ({@code number,display name} a line), or none, with each problem by line. */
    @POST
    @Path("import")
    @Consumes(TEXT_CSV)
    public Response importCsv(@PathParam("tenantId") UUID tenantId, String csv, @Context UriInfo uri) {
        ImportResult result = extensions.importCsv(caller.actor(), tenantId, csv);
        if (!result.succeeded()) {
            List<InputError> errors = result.problems().stream()
                    .map(problem -> InputError.ofLine(problem.line(), problem.text(), problem.message()))
                    .toList();
            ProblemType type = ProblemType.INVALID_INPUT;
            throw new ApiProblemException(new Problem(type.uri(), type.title(), type.status(),
                    result.summary() + ", see errors", null, errors), Map.of());
        }
        return Response.created(uri.getBaseUriBuilder().path(ExtensionsResource.class).build(tenantId))
                .entity(new ImportedExtensions(result.created().stream().map(SipCredentials::of).toList())).build();
    }

    private static Extension find(TenantExtensions tenant, UUID extensionId) {
        return tenant.extensions().stream()
                .filter(extension -> extension.id().equals(extensionId))
                .findFirst()
                .map(extension -> Extension.of(extension, tenant.sipDomain()))
                .orElseThrow(() -> new NotFoundException("No such extension"));
    }
}
