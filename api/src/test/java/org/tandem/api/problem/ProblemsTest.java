package org.tandem.api.problem;

import jakarta.json.JsonException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.apitoken.AuthenticationFailedException;
import org.tandem.administration.apitoken.TooManyFailedAttemptsException;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.shared.OverPlanException;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.tenant.NotHomeNodeException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every exception the services and the API raise gets its own status, type and words, and nothing internal leaks. */
class ProblemsTest {

    private static final UUID INCIDENT = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void invalidInputIs422WithEveryFieldInOrder() {
        Problem problem = problem(new InvalidInputException(Map.of("sipDomain", "not a DNS name", "plan", "too big",
                InvalidInputException.WHOLE, "No pool can take a new customer yet")));

        assertKind(problem, 422, "urn:tandem:problem:invalid-input");
        assertThat(problem.title()).isEqualTo("The input is not valid");
        assertThat(problem.detail()).isEqualTo("3 problems: see errors");
        assertThat(problem.errors()).containsExactly(
                new InputError(null, null, null, "No pool can take a new customer yet"),
                new InputError("plan", null, null, "too big"),
                new InputError("sipDomain", null, null, "not a DNS name"));
    }

    @Test
    void aValueAlreadyInUseIs409AndAMixOfTakenAndMalformedIs422() {
        Problem taken = problem(new InvalidInputException(Map.of("number", "Extension 101 already exists"), Set.of("number")));
        assertKind(taken, 409, "urn:tandem:problem:already-exists");
        assertThat(taken.detail()).isEqualTo("Extension 101 already exists");
        assertThat(taken.errors()).containsExactly(InputError.ofField("number", "Extension 101 already exists"));

        Problem mixed = problem(new InvalidInputException(Map.of("sipDomain", "taken", "adminPassword", "too short"),
                Set.of("sipDomain")));
        assertThat(mixed.status()).isEqualTo(422);

        Problem raced = problem(new AlreadyTakenException("This SIP domain is already used by another customer", null));
        assertKind(raced, 409, "urn:tandem:problem:already-exists");
    }

    /** A refusal, named by what it is, the status and type it is answered with, and the detail that says why. */
    static Stream<Arguments> refusalsInTheirOwnWords() {
        String wrongNode = "acme.example.com is changed on its home node node-a, not on node-b: "
                + "use the portal of node-a at http://127.0.0.2:8080/";
        return Stream.of(
                Arguments.of("over the plan", new OverPlanException("The plan allows 5 extensions and 5 exist"),
                        409, "urn:tandem:problem:over-plan", "The plan allows 5 extensions and 5 exist"),
                Arguments.of("a change on the wrong node, naming the home node",
                        new NotHomeNodeException(wrongNode, "node-a", "http://127.0.0.2:8080/"),
                        409, "urn:tandem:problem:not-home-node", wrongNode),
                Arguments.of("the API's own refusal wrapped by the runtime", new RuntimeException("reader failed",
                                new ApiProblemException(ProblemType.BODY_TOO_LARGE, "The body is larger than the node takes (8 bytes)")),
                        413, "urn:tandem:problem:body-too-large", "The body is larger than the node takes (8 bytes)"));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("refusalsInTheirOwnWords")
    void aRefusalIsAnsweredWithItsStatusTypeAndWords(String refusal, Throwable failure, int status, String type,
                                                      String detail) {
        Problem problem = problem(failure);

        assertKind(problem, status, type);
        assertThat(problem.detail()).isEqualTo(detail);
    }

    @Test
    void somethingOutOfReachIs404AndARoleThatMayNotIs403() {
        Problem notFound = problem(new org.tandem.administration.access.NotFoundException("No such customer"));
        assertKind(notFound, 404, "urn:tandem:problem:not-found");
        assertThat(notFound.detail()).isEqualTo("No such customer");

        Problem denied = problem(new AccessDeniedException("Your login may not manage customers"));
        assertKind(denied, 403, "urn:tandem:problem:forbidden");
    }

    @Test
    void filesThatCannotBeReadNowAre503WithRetryAfterInTheirOwnWords() {
        ProblemAnswer answer = Problems.of(new org.tandem.administration.voicemail.VoicemailUnavailableException(
                "The recording cannot be read now: the volume is not mounted", new java.io.IOException("ENOTCONN")), INCIDENT);

        assertKind(answer.problem(), 503, "urn:tandem:problem:unavailable");
        assertThat(answer.problem().detail()).isEqualTo("The recording cannot be read now: the volume is not mounted");
        assertThat(answer.headers()).containsEntry("Retry-After", List.of("5"));
    }

    @Test
    void aRefusedTokenIs401WithABearerChallengeNamingTheError() {
        ProblemAnswer answer = Problems.of(new AuthenticationFailedException("The API token expired at 2026-01-01T00:00:00Z"),
                INCIDENT);

        assertKind(answer.problem(), 401, "urn:tandem:problem:unauthenticated");
        assertThat(answer.headers()).containsEntry("WWW-Authenticate", List.of("Bearer realm=\"tandem\", "
                + "error=\"invalid_token\", error_description=\"The API token expired at 2026-01-01T00:00:00Z\""));
        assertThat(Problems.bearerChallenge(null)).isEqualTo("Bearer realm=\"tandem\"");
        assertThat(Problems.bearerChallenge("a \"quoted\" reason")).endsWith("error_description=\"a 'quoted' reason\"");
    }

    @Test
    void aThrottledAddressIs429WithRetryAfterInWholeSeconds() {
        ProblemAnswer answer = Problems.of(new TooManyFailedAttemptsException(Duration.ofMillis(29_001)), INCIDENT);

        assertKind(answer.problem(), 429, "urn:tandem:problem:too-many-failed-attempts");
        assertThat(answer.headers()).containsEntry("Retry-After", List.of("29"));
        assertThat(Problems.of(new TooManyFailedAttemptsException(Duration.ofMillis(10)), INCIDENT).headers())
                .containsEntry("Retry-After", List.of("1"));
    }

    @Test
    void whatJaxRsRefusesKeepsItsStatusInTheSameForm() {
        Problem noPath = problem(new NotFoundException("RESTEASY003210: Could not find resource for full path: http://x/y"));
        assertKind(noPath, 404, "urn:tandem:problem:not-found");
        assertThat(noPath.detail()).doesNotContain("RESTEASY");

        ProblemAnswer wrongMethod = Problems.of(new NotAllowedException("GET", new String[]{"POST"}), INCIDENT);
        assertKind(wrongMethod.problem(), 405, "about:blank");
        assertThat(wrongMethod.problem().title()).isEqualTo("Method Not Allowed");
        assertThat(wrongMethod.headers().get("Allow").getFirst()).contains("GET").contains("POST");

        Problem wrongType = problem(new NotSupportedException());
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.title()).isEqualTo("Unsupported Media Type");
    }

    @Test
    void anUnreadableBodyIs400() {
        Problem problem = problem(new JsonException("Unexpected char 39 at (line no=1, column no=1, offset=0)"));

        assertKind(problem, 400, "urn:tandem:problem:malformed-request");
        assertThat(problem.detail()).doesNotContain("Unexpected char");
    }

    @Test
    void aDatabaseOutOfReachIs503WithRetryAfter() {
        ProblemAnswer answer = Problems.of(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("IJ000453: Unable to get managed connection")), INCIDENT);
        assertKind(answer.problem(), 503, "urn:tandem:problem:unavailable");
        assertThat(answer.headers()).containsKey("Retry-After");
        assertThat(Problems.of(new RuntimeException(new SQLException("refused", "08001")), INCIDENT).problem().status())
                .isEqualTo(503);
    }

    @Test
    void anythingElseIs500NamingOnlyTheIncident() {
        Problem problem = problem(new IllegalStateException("duplicate key value violates unique constraint; password=hunter2",
                new SQLException("ERROR: syntax error", "42601")));

        assertKind(problem, 500, "urn:tandem:problem:internal");
        assertThat(problem.detail()).contains(INCIDENT.toString()).doesNotContain("hunter2", "SQL", "Exception", "syntax");
    }

    @Test
    void theApisOwnProblemsAreAnsweredAsTheyAre() {
        ProblemAnswer answer = Problems.of(new ApiProblemException(ProblemType.MALFORMED_REQUEST, "The body must be a JSON object"),
                INCIDENT);
        assertThat(answer.problem()).isEqualTo(new Problem("urn:tandem:problem:malformed-request",
                "The request is not well-formed", 400, "The body must be a JSON object", null, null));
        assertThat(Response.Status.fromStatusCode(answer.problem().status())).isEqualTo(Response.Status.BAD_REQUEST);
    }

    private static Problem problem(Throwable failure) {
        return Problems.of(failure, INCIDENT).problem();
    }

    /** {@code problem} has the HTTP status {@code status} and is of {@code type}. */
    private static void assertKind(Problem problem, int status, String type) {
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.type()).isEqualTo(type);
    }

}
