package org.tandem.api.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.shared.OverPlanException;
import org.tandem.domain.shared.AlreadyTakenException;

import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * Every exception a request ends in, as a problem document: the services' refusals with their
 * messages and a status that says what kind of refusal it is, JAX-RS's own (unknown path, wrong
 * method, unreadable JSON) with theirs, and anything unexpected as a 500 that names an incident id
 * the log also has, never a stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final System.Logger LOG = System.getLogger(ProblemMapper.class.getName());
    private static final String UNREADABLE = "The request body is not the JSON this resource takes";

    @Override
    public Response toResponse(Exception exception) {
        return switch (exception) {
            case NotFoundException e -> Problems.of(404, e.getMessage());
            case AccessDeniedException e -> Problems.of(403, e.getMessage());
            case InvalidInputException e -> Problems.of(Problems.UNPROCESSABLE_CONTENT, Problems.INVALID_INPUT,
                    "The request has invalid fields; nothing was changed", e.messages());
            case OverPlanException e -> Problems.of(409, Problems.OVER_PLAN, e.getMessage(), null);
            case AlreadyTakenException e -> Problems.of(409, Problems.ALREADY_TAKEN, e.getMessage(), null);
            case WebApplicationException e -> Problems.of(e.getResponse().getStatus(),
                    e.getResponse().getStatus() == 400 ? UNREADABLE : e.getMessage());
            case ProcessingException e -> Problems.of(400, UNREADABLE);
            default -> unexpected(exception);
        };
    }

    private static Response unexpected(Exception exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "API request failed, incident " + incident, exception);
        return Problems.of(500, "Something went wrong on our side (incident " + incident + ")");
    }
}
