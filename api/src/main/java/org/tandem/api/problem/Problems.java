package org.tandem.api.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.apitoken.AuthenticationFailedException;
import org.tandem.administration.apitoken.TooManyFailedAttemptsException;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.shared.OverPlanException;
import org.tandem.administration.voicemail.VoicemailUnavailableException;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.tenant.NotHomeNodeException;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which problem document answers which exception. Pure (no request, no JAX-RS runtime needed for the
 * Tandem exceptions), so every mapping is unit-tested. The rules: the services' words go to the
 * client as they are (they are written for people); an object outside the caller's scope is the same
 * 404 as one that does not exist (the services already make it so); a value already in use is 409,
 * a malformed one 422; nothing internal (stack traces, SQL, class names) ever leaves the node.
 */
public final class Problems {

    /** The realm in every WWW-Authenticate challenge. */
    public static final String REALM = "tandem";
    static final String RETRY_AFTER_UNAVAILABLE_SECONDS = "5";

    private Problems() {
    }

    /** The answer to {@code failure}; for anything unforeseen, a 500 that names {@code incident} and nothing else. */
    public static ProblemAnswer of(Throwable failure, UUID incident) {
        return switch (ownRefusalWithin(failure)) {
            case ApiProblemException api -> new ProblemAnswer(api.problem(), api.headers());
            case InvalidInputException invalid -> ProblemAnswer.of(invalidInput(invalid));
            case AlreadyTakenException taken -> ProblemAnswer.of(ProblemType.ALREADY_EXISTS.problem(taken.getMessage()));
            case OverPlanException overPlan -> ProblemAnswer.of(ProblemType.OVER_PLAN.problem(overPlan.getMessage()));
            case NotHomeNodeException elsewhere -> ProblemAnswer.of(ProblemType.NOT_HOME_NODE.problem(elsewhere.getMessage()));
            case NotFoundException notFound -> ProblemAnswer.of(ProblemType.NOT_FOUND.problem(notFound.getMessage()));
            case AccessDeniedException denied -> ProblemAnswer.of(ProblemType.FORBIDDEN.problem(denied.getMessage()));
            case VoicemailUnavailableException files -> new ProblemAnswer(ProblemType.UNAVAILABLE.problem(files.getMessage()),
                    Map.of("Retry-After", List.of(RETRY_AFTER_UNAVAILABLE_SECONDS)));
            case AuthenticationFailedException failed -> unauthenticated(failed.getMessage(),
                    List.of(bearerChallenge(failed.getMessage())));
            case TooManyFailedAttemptsException throttled -> new ProblemAnswer(
                    ProblemType.TOO_MANY_FAILED_ATTEMPTS.problem(throttled.getMessage()),
                    Map.of("Retry-After", List.of(Long.toString(Math.max(1, throttled.retryAfter().toSeconds())))));
            case WebApplicationException http -> ofHttp(http.getResponse());
            case JsonException _, JsonbException _, ProcessingException _ -> ProblemAnswer.of(
                    ProblemType.MALFORMED_REQUEST.problem("The body could not be read: send the JSON the OpenAPI document describes"));
            default -> databaseUnreachable(failure)
                    ? new ProblemAnswer(ProblemType.UNAVAILABLE.problem("The node cannot reach its database just now"),
                    Map.of("Retry-After", List.of(RETRY_AFTER_UNAVAILABLE_SECONDS)))
                    : ProblemAnswer.of(ProblemType.INTERNAL.problem(
                    "Something went wrong on the node; quote incident " + incident + " to your operator"));
        };
    }

    /**
     * The API's own refusal when JAX-RS wrapped it (one thrown while the body is read arrives inside
     * the runtime's reader exception), else {@code failure} itself.
     */
    private static Throwable ownRefusalWithin(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblemException) {
                return cause;
            }
        }
        return failure;
    }

    /** 401 with one challenge per kind of credentials the endpoint takes (RFC 9110 11.6.1). */
    public static ProblemAnswer unauthenticated(String detail, List<String> challenges) {
        return new ProblemAnswer(ProblemType.UNAUTHENTICATED.problem(detail), Map.of(HttpHeaders.WWW_AUTHENTICATE, challenges));
    }

    /**
     * The Bearer challenge (RFC 6750 3): without an error code when no token came, with
     * {@code invalid_token} and the reason when one did.
     */
    public static String bearerChallenge(String failureOrNull) {
        String challenge = "Bearer realm=\"" + REALM + "\"";
        return failureOrNull == null ? challenge
                : challenge + ", error=\"invalid_token\", error_description=\"" + failureOrNull.replace("\"", "'") + "\"";
    }

    public static String basicChallenge() {
        return "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    }

    private static Problem invalidInput(InvalidInputException invalid) {
        List<InputError> errors = invalid.messages().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(entry -> InputError.ofField(entry.getKey(), entry.getValue()))
                .toList();
        ProblemType type = invalid.onlyTaken() ? ProblemType.ALREADY_EXISTS : ProblemType.INVALID_INPUT;
        String detail = errors.size() == 1 ? errors.getFirst().detail() : errors.size() + " problems: see errors";
        return new Problem(type.uri(), type.title(), type.status(), detail, null, errors);
    }

    /** What JAX-RS itself refuses (no such path, wrong method or media type), in the same document form. */
    private static ProblemAnswer ofHttp(Response response) {
        int status = response.getStatus();
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
        return switch (status) {
            case 404 -> ProblemAnswer.of(ProblemType.NOT_FOUND.problem(
                    "Nothing here: /api/openapi.json lists the API's paths"));
            case 400 -> ProblemAnswer.of(ProblemType.MALFORMED_REQUEST.problem("A parameter is not well-formed"));
            case 405 -> new ProblemAnswer(blank(status, title, "This path does not take this method"),
                    response.getHeaderString(HttpHeaders.ALLOW) == null ? Map.of()
                            : Map.of(HttpHeaders.ALLOW, List.of(response.getHeaderString(HttpHeaders.ALLOW))));
            case 406 -> ProblemAnswer.of(blank(status, title, "The API answers application/json (errors: application/problem+json)"));
            case 415 -> ProblemAnswer.of(blank(status, title,
                    "Send the body as the OpenAPI document says: application/json, or text/csv for an import"));
            default -> ProblemAnswer.of(blank(status, title, title));
        };
    }

    private static Problem blank(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    private static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
