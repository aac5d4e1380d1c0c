package org.tandem.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.lang.System.Logger.Level;
import java.util.UUID;

/** Answers every exception with its problem document; only the unforeseen ones are logged, with their incident id. */
@Provider
@ApplicationScoped
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final System.Logger LOG = System.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo request;

    @Override
    public Response toResponse(Throwable failure) {
        UUID incident = UUID.randomUUID();
        ProblemAnswer answer = Problems.of(failure, incident);
        if (answer.problem().type().equals(ProblemType.INTERNAL.uri())) {
            LOG.log(Level.ERROR, "API request " + path() + " failed, incident " + incident, failure);
        } else if (answer.problem().type().equals(ProblemType.UNAVAILABLE.uri())) {
            LOG.log(Level.WARNING, "API request " + path() + " found the database unreachable: " + failure);
        }
        return response(answer, path());
    }

    /** The response for {@code answer} to the request for {@code path}; the authentication filter answers with it too. */
    public static Response response(ProblemAnswer answer, String path) {
        Problem problem = answer.problem().at(path);
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
        answer.headers().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        return response.build();
    }

    private String path() {
        return request == null ? null : request.getRequestUri().getRawPath();
    }
}
