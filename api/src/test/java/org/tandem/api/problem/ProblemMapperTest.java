package org.tandem.api.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.tandem.administration.apitoken.TooManyFailedAttemptsException;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.api.JsonSettings;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The response as it goes on the wire: status, media type, headers, and the document as JSON-B writes it with the API's settings. */
class ProblemMapperTest {

    private final Jsonb jsonb = new JsonSettings().getContext(Problem.class);

    @Test
    void aProblemIsProblemJsonWithItsHeadersAndNoNullMembers() {
        Response response = new ProblemMapper().toResponse(new TooManyFailedAttemptsException(Duration.ofSeconds(30)));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
        String json = jsonb.toJson(response.getEntity());
        assertThat(json).startsWith("{\"type\":\"urn:tandem:problem:too-many-failed-attempts\",\"title\":");
        assertThat(json).doesNotContain("null").doesNotContain("errors").doesNotContain("instance");
    }

    @Test
    void fieldErrorsAreWrittenAsTheRfcsExtensionMember() {
        Response response = ProblemMapper.response(Problems.of(InvalidInputException.of("number", "Must be 2 to 10 digits"),
                null), "/api/v1/tenants/x/extensions");

        JsonObject problem = Json.createReader(new StringReader(jsonb.toJson(response.getEntity()))).readObject();
        assertThat(problem.getInt("status")).isEqualTo(422);
        assertThat(problem.getString("instance")).isEqualTo("/api/v1/tenants/x/extensions");
        assertThat(problem.getJsonArray("errors")).hasSize(1);
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertThat(error.keySet()).containsExactly("field", "detail");
        assertThat(error.getString("field")).isEqualTo("number");
    }

    @Test
    void challengesAreSeparateHeaders() {
        Response response = ProblemMapper.response(Problems.unauthenticated("This needs an API token",
                List.of(Problems.bearerChallenge(null), Problems.basicChallenge())), "/api/v1/tokens");

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getStringHeaders().get("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"tandem\"", "Basic realm=\"tandem\", charset=\"UTF-8\"");
    }
}
