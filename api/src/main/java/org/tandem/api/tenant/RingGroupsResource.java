package org.tandem.api.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tandem.administration.ringgroup.RingGroupService;
import org.tandem.administration.ringgroup.RingGroupSummary;
import org.tandem.api.security.CallingActor;
import org.tandem.domain.ringgroup.RingGroup;

import java.util.List;
import java.util.UUID;

/** A tenant's ring groups. */
@Path("tenants/{tenantId}/ring-groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RingGroupsResource {

    @Inject
    RingGroupService ringGroups;

    @Inject
    CallingActor caller;

    @PathParam("tenantId")
    UUID tenantId;

    @GET
    public List<RingGroupSummary> list() {
        return ringGroups.ringGroups(caller.get(), tenantId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(RingGroupRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new BadRequestException();
        }
        RingGroupSummary created = ringGroups.create(caller.get(), tenantId, request.number(), request.name(),
                request.strategy(), request.memberTimeoutSeconds() == null
                        ? Math.toIntExact(RingGroup.DEFAULT_MEMBER_TIMEOUT.toSeconds()) : request.memberTimeoutSeconds(),
                request.members());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @DELETE
    @Path("{ringGroupId}")
    public Response delete(@PathParam("ringGroupId") UUID ringGroupId) {
        ringGroups.delete(caller.get(), tenantId, ringGroupId);
        return Response.noContent().build();
    }
}
