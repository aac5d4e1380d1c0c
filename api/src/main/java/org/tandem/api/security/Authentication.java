package org.tandem.api.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.tandem.administration.apitoken.ApiAuthentication;
import org.tandem.administration.apitoken.AuthenticationFailedException;
import org.tandem.administration.apitoken.TooManyFailedAttemptsException;
import org.tandem.api.problem.ProblemAnswer;
import org.tandem.api.problem.ProblemMapper;
import org.tandem.api.problem.Problems;
import org.tandem.domain.net.TrustedProxies;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads the Authorization header of every request to a resource and proves who calls, or answers 401
 * with the challenges the resource takes (RFC 9110 11.6.1, RFC 6750 3, RFC 7617). Runs after
 * matching, so it knows the resource's {@link PublicEndpoint} and {@link PasswordAccepted} marks.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class Authentication implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";
    private static final TrustedProxies PROXIES = TrustedProxies.fromSystemProperties();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest http;

    @Inject
    private ApiAuthentication authentication;
    @Inject
    private Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        // no resource method: JAX-RS answers itself (OPTIONS, 405) and runs no resource code
        if (resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        PasswordAccepted password = resource.getResourceMethod().getAnnotation(PasswordAccepted.class);
        boolean tokenAccepted = password == null || password.tokenAccepted();
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String scheme = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        try {
            if (tokenAccepted && scheme.startsWith(BEARER)) {
                caller.authenticated(authentication.bearer(header.strip().substring(BEARER.length()).strip(), source()),
                        Caller.Proof.TOKEN);
            } else if (password != null && scheme.startsWith(BASIC)) {
                Credentials credentials = Credentials.decode(header.strip().substring(BASIC.length()).strip());
                caller.authenticated(authentication.password(credentials.username(), credentials.password(), source()),
                        Caller.Proof.PASSWORD);
            } else {
                request.abortWith(unauthenticated(request, missing(header, tokenAccepted, password != null), null,
                        tokenAccepted, password != null));
            }
        } catch (AuthenticationFailedException failed) {
            request.abortWith(unauthenticated(request, failed.getMessage(), scheme.startsWith(BEARER) ? failed.getMessage() : null,
                    tokenAccepted, password != null));
        } catch (TooManyFailedAttemptsException throttled) {
            request.abortWith(ProblemMapper.response(Problems.of(throttled, UUID.randomUUID()), path(request)));
        }
    }

    private static String missing(String header, boolean tokenAccepted, boolean passwordAccepted) {
        if (!tokenAccepted) {
            return header == null ? "Making an API token needs the login's username and password (HTTP Basic)"
                    : "Making an API token needs the login's password (HTTP Basic), not a token";
        }
        String how = passwordAccepted ? "an API token (Authorization: Bearer tdm_...) or the login's password"
                : "an API token: Authorization: Bearer tdm_...";
        return header == null ? "This needs " + how : "Unsupported credentials: this needs " + how;
    }

    private static jakarta.ws.rs.core.Response unauthenticated(ContainerRequestContext request, String detail,
                                                               String tokenFailure, boolean tokenAccepted,
                                                               boolean passwordAccepted) {
        List<String> challenges = new ArrayList<>();
        if (tokenAccepted) {
            challenges.add(Problems.bearerChallenge(tokenFailure));
        }
        if (passwordAccepted) {
            challenges.add(Problems.basicChallenge());
        }
        ProblemAnswer answer = Problems.unauthenticated(detail, challenges);
        return ProblemMapper.response(answer, path(request));
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }

    /** The client's address, as the throttle counts it: the TCP peer, or what a trusted proxy forwarded. */
    private String source() {
        return PROXIES.clientOf(http.getRemoteAddr(), Collections.list(http.getHeaders("X-Forwarded-For")));
    }

    /** HTTP Basic's {@code username:password}, UTF-8 (RFC 7617); anything undecodable is no login. */
    record Credentials(String username, char[] password) {

        static Credentials decode(String encoded) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return new Credentials("", new char[0]);
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? new Credentials(decoded, new char[0])
                    : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
        }
    }
}
