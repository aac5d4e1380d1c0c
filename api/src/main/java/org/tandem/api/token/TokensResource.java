package org.tandem.api.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.apitoken.ApiTokenService;
import org.tandem.api.request.JsonRequest;
import org.tandem.api.security.Caller;
import org.tandem.api.security.PasswordAccepted;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The API tokens of the caller's reseller or tenant ({@link ApiTokenService}). */
@Path("v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class TokensResource {

    @Inject
    private ApiTokenService tokens;
    @Inject
    private Caller caller;

    @GET
    @PasswordAccepted
    public ApiTokenList list() {
        return new ApiTokenList(tokens.tokens(caller.actor()).stream().map(ApiToken::of).toList());
    }

    /** Makes a token for the login whose password came with the request; the answer holds its secret, once. */
    @POST
    @PasswordAccepted(tokenAccepted = false)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        JsonRequest request = JsonRequest.parse(body, Set.of(ApiTokenService.NAME, ApiTokenService.EXPIRES_AT));
        String name = request.text(ApiTokenService.NAME);
        Instant expiresAt = request.instant(ApiTokenService.EXPIRES_AT);
        request.requireValid();
        NewApiToken created = NewApiToken.of(tokens.issue(caller.actor(), name, expiresAt));
        return Response.created(uri.getAbsolutePathBuilder().path(created.token().id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("{tokenId}")
    @PasswordAccepted
    public ApiToken token(@PathParam("tokenId") UUID tokenId) {
        return list().tokens().stream().filter(token -> token.id().equals(tokenId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such API token"));
    }

    /** Revokes the token at once, on every node; a script may revoke the very token it calls with. */
    @DELETE
    @Path("{tokenId}")
    @PasswordAccepted
    public Response revoke(@PathParam("tokenId") UUID tokenId) {
        tokens.revoke(caller.actor(), tokenId);
        return Response.noContent().build();
    }
}
