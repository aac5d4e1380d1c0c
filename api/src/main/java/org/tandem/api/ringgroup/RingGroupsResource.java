package org.tandem.api.ringgroup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.ringgroup.RingGroupService;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.api.request.JsonRequest;
import org.tandem.api.security.Caller;
import org.tandem.domain.ringgroup.RingStrategy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's ring groups ({@link RingGroupService}). The tenant id is the caller's own tenant for a
 * tenant admin, or one of its customers for a reseller; any other tenant or group id is 404.
 */
@Path("v1/tenants/{tenantId}/ring-groups")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class RingGroupsResource {

    private static final String STRATEGY = "strategy";
    /** The portal's default, and the engine's when a group names none. */
    private static final int DEFAULT_MEMBER_TIMEOUT_SECONDS =
            Math.toIntExact(org.tandem.domain.ringgroup.RingGroup.DEFAULT_MEMBER_TIMEOUT.toSeconds());

    /** A create or replace body, read member by member; a missing ring time is the default. */
    private record Settings(String number, String name, RingStrategy strategy, int memberTimeoutSeconds,
                            List<String> members) {

        static Settings read(String body) {
            JsonRequest request = JsonRequest.parse(body, Set.of(RingGroupService.NUMBER, RingGroupService.NAME, STRATEGY,
                    RingGroupService.TIMEOUT, RingGroupService.MEMBERS));
            String number = request.text(RingGroupService.NUMBER);
            String name = request.text(RingGroupService.NAME);
            RingStrategy strategy = request.choice(STRATEGY, RingStrategy.class);
            Integer timeout = request.whole(RingGroupService.TIMEOUT);
            List<String> members = request.texts(RingGroupService.MEMBERS);
            request.requireValid();
            return new Settings(number, name, strategy, timeout == null ? DEFAULT_MEMBER_TIMEOUT_SECONDS : timeout, members);
        }
    }

    @Inject
    private RingGroupService ringGroups;
    @Inject
    private Caller caller;

    @GET
    public RingGroupList list(@PathParam("tenantId") UUID tenantId) {
        return new RingGroupList(tenantId, ringGroups.ringGroups(caller.actor(), tenantId).stream().map(RingGroup::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenantId") UUID tenantId, String body, @Context UriInfo uri) {
        Settings settings = Settings.read(body);
        RingGroup created = RingGroup.of(ringGroups.create(caller.actor(), tenantId, settings.number(), settings.name(),
                settings.strategy(), settings.memberTimeoutSeconds(), settings.members()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("{ringGroupId}")
    public RingGroup ringGroup(@PathParam("tenantId") UUID tenantId, @PathParam("ringGroupId") UUID ringGroupId) {
        return ringGroups.ringGroups(caller.actor(), tenantId).stream()
                .filter(group -> group.id().equals(ringGroupId))
                .findFirst()
                .map(RingGroup::of)
                .orElseThrow(() -> new NotFoundException("No such ring group"));
    }

    /**
     * Replaces everything of the group but its number (a missing strategy or ring time takes the
     * default, as when creating); a different number is refused, since the number is the group's identity.
     */
    @PUT
    @Path("{ringGroupId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RingGroup replace(@PathParam("tenantId") UUID tenantId, @PathParam("ringGroupId") UUID ringGroupId,
                             String body) {
        Settings settings = Settings.read(body);
        RingGroup current = ringGroup(tenantId, ringGroupId);
        if (settings.number() != null && !settings.number().equals(current.number())) {
            throw InvalidInputException.of(RingGroupService.NUMBER,
                    "A ring group's number cannot change: create one with the new number and delete this one");
        }
        return RingGroup.of(ringGroups.update(caller.actor(), tenantId, ringGroupId, settings.name(), settings.strategy(),
                settings.memberTimeoutSeconds(), settings.members()));
    }

    @DELETE
    @Path("{ringGroupId}")
    public Response delete(@PathParam("tenantId") UUID tenantId, @PathParam("ringGroupId") UUID ringGroupId) {
        ringGroups.delete(caller.actor(), tenantId, ringGroupId);
        return Response.noContent().build();
    }
}
