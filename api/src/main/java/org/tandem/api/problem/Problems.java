package org.tandem.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Responses carrying a {@link Problem}, typed {@code application/problem+json}. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** RFC 9110's status for a request that is well-formed but whose content is refused (JAX-RS 3.1 has no constant). */
    public static final int UNPROCESSABLE_CONTENT = 422;
    /** Problem types of the API's own, described in the OpenAPI document. */
    static final String INVALID_INPUT = "/api/problems/invalid-input";
    static final String OVER_PLAN = "/api/problems/over-plan";
    static final String ALREADY_TAKEN = "/api/problems/already-taken";

    private Problems() {
    }

    public static Response of(int status, String type, String detail, Map<String, String> errors) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem(type, title(status), status, detail, errors)).build();
    }

    /** A problem with no type of its own: its meaning is the HTTP status (RFC 9457 4.2.1). */
    public static Response of(int status, String detail) {
        return of(status, "about:blank", detail, null);
    }

    public static Response unauthorized(String detail) {
        return Response.fromResponse(of(401, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tandem\"").build();
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return status == UNPROCESSABLE_CONTENT ? "Unprocessable Content" : "HTTP " + status;
    }
}
