package org.tandem.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.tandem.administration.apitoken.ApiTokenService;
import org.tandem.api.problem.Problems;

/**
 * Every request but the OpenAPI document needs {@code Authorization: Bearer <token>} with a live API
 * token; anything else is 401 with a problem document and a {@code WWW-Authenticate} challenge
 * (RFC 6750). A wrong, revoked and malformed token get the same answer.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    static final String OPEN_PATH = "openapi.json";
    private static final String BEARER = "Bearer ";

    @Inject
    ApiTokenService tokens;

    @Inject
    CallingActor caller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (OPEN_PATH.equals(request.getUriInfo().getPath().replaceFirst("^/", ""))) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        tokens.authenticate(presented).ifPresentOrElse(caller::set, () -> request.abortWith(Problems.unauthorized(
                header == null ? "Send an API token: Authorization: Bearer <token>" : "This API token is not valid")));
    }
}
