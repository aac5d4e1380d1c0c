package org.tandem.api.request;

import org.junit.jupiter.api.Test;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.api.problem.ApiProblemException;
import org.tandem.domain.ringgroup.RingStrategy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonRequestTest {

    @Test
    void readsMembersAndNestedObjects() {
        JsonRequest request = JsonRequest.parse("""
                {"name": "CI", "expiresAt": "2027-01-31T12:00:00+01:00", "plan": {"max": 5}, "nothing": null}""",
                Set.of("name", "expiresAt", "plan", "nothing"));

        assertThat(request.text("name")).isEqualTo("CI");
        assertThat(request.instant("expiresAt")).isEqualTo(Instant.parse("2027-01-31T11:00:00Z"));
        assertThat(request.object("plan", Set.of("max")).whole("max")).isEqualTo(5);
        assertThat(request.text("nothing")).isNull();
        assertThat(request.text("absent")).isNull();
        assertThat(request.has("nothing")).isFalse();
        request.requireValid();
    }

    @Test
    void wrongTypesAndUnknownMembersAreNamedAllAtOnce() {
        JsonRequest request = JsonRequest.parse("""
                {"number": 101, "displayname": "typo", "plan": {"max": "five", "extra": 1}, "expiresAt": "tomorrow",
                 "big": 12345678901}""", Set.of("number", "plan", "expiresAt", "big"));
        request.text("number");
        request.object("plan", Set.of("max")).whole("max");
        request.instant("expiresAt");
        request.whole("big");

        assertThatThrownBy(request::requireValid).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.messages()).containsOnlyKeys("number", "displayname", "plan.max", "plan.extra", "expiresAt", "big")
                        .containsEntry("number", "Must be a string")
                        .containsEntry("plan.max", "Must be a whole number")
                        .containsEntry("big", "Too large"));
    }

    @Test
    void readsTruthsAndNamesAnythingElseGivenForOne() {
        JsonRequest request = JsonRequest.parse("""
                {"on": true, "off": false, "quoted": "true", "one": 1}""", Set.of("on", "off", "quoted", "one"));

        assertThat(request.truth("on")).isTrue();
        assertThat(request.truth("off")).isFalse();
        assertThat(request.truth("absent")).isNull();
        request.truth("quoted");
        request.truth("one");
        assertThatThrownBy(request::requireValid).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.messages()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "quoted", "Must be true or false", "one", "Must be true or false")));
    }

    @Test
    void readsArraysOfStringsAndChoicesByExactName() {
        JsonRequest good = JsonRequest.parse("""
                {"members": ["201", "202"], "strategy": "SEQUENTIAL"}""", Set.of("members", "strategy"));
        assertThat(good.texts("members")).containsExactly("201", "202");
        assertThat(good.choice("strategy", RingStrategy.class)).isEqualTo(RingStrategy.SEQUENTIAL);
        assertThat(good.texts("absent")).isNull();
        good.requireValid();

        JsonRequest bad = JsonRequest.parse("""
                {"members": ["201", 202], "strategy": "sequential", "other": "201"}""", Set.of("members", "strategy", "other"));
        bad.texts("members");
        bad.choice("strategy", RingStrategy.class);
        bad.texts("other");
        assertThatThrownBy(bad::requireValid).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.messages()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "members", "Must be an array of strings",
                        "strategy", "Must be one of SIMULTANEOUS, SEQUENTIAL",
                        "other", "Must be an array of strings")));
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsMalformed() {
        for (String body : new String[]{null, "", "  ", "{", "[1, 2]", "\"text\"", "{\"a\": 1} trailing"}) {
            assertThatThrownBy(() -> JsonRequest.parse(body, Set.of("a")))
                    .as("body %s", body)
                    .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
        }
    }

    private static final RequestLimits LIMITS = new RequestLimits(1024, 4, 10);

    @Test
    void nestingDeeperThanTheLimitIsMalformedHoweverDeep() {
        JsonRequest.parse("{\"a\": {\"b\": [[1]]}}", Set.of("a"), LIMITS);
        for (String body : new String[]{"{\"a\": {\"b\": [[[1]]]}}", "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"}) {
            assertMalformed(body, "The body nests objects and arrays more than 4 deep");
        }
    }

    @Test
    void aNumberLongerThanTheLimitIsMalformedWhateverItsValue() {
        assertThat(JsonRequest.parse("{\"n\": -123456789}", Set.of("n"), LIMITS).whole("n")).isEqualTo(-123456789);
        for (String number : new String[]{"9".repeat(2000), "-1234567890", "1.000000000", "1e-99999999"}) {
            assertMalformed("{\"n\": " + number + "}", "A number in the body is longer than 10 characters");
        }
        assertMalformed("{\"n\": [1, " + "9".repeat(2000) + "]}", "A number in the body is longer than 10 characters");
    }

    @Test
    void aMemberNamedTwiceInOneObjectIsMalformedNotGuessed() {
        assertMalformed("{\"name\": \"a\", \"name\": \"b\"}", "The member \"name\" appears more than once in one object");
        assertMalformed("{\"plan\": {\"max\": 1, \"max\": 2}}", "The member \"max\" appears more than once in one object");
        assertThat(JsonRequest.parse("{\"a\": {\"a\": 1}, \"b\": [{\"a\": 1}, {\"a\": 2}]}", Set.of("a", "b"), LIMITS)
                .has("a")).isTrue();
    }

    @Test
    void halfASurrogatePairOrANulInAnyStringIsMalformedNotAltered() {
        assertThat(JsonRequest.parse("{\"name\": \"\\uD83D\\uDE80 ok\"}", Set.of("name"), LIMITS).text("name"))
                .isEqualTo("\uD83D\uDE80 ok");
        assertMalformed("{\"name\": \"a\\uD800\"}", "A string in the body holds half of a UTF-16 surrogate pair (\\uD800)");
        assertMalformed("{\"name\": \"\\uDC00a\"}", "A string in the body holds half of a UTF-16 surrogate pair (\\uDC00)");
        assertMalformed("{\"na\\uD800me\": 1}", "A string in the body holds half of a UTF-16 surrogate pair (\\uD800)");
        assertMalformed("{\"members\": [\"a\\u0000\"]}", "A string in the body holds the character U+0000");
    }

    private static void assertMalformed(String body, String detail) {
        assertThatThrownBy(() -> JsonRequest.parse(body, Set.of("a", "n", "name", "plan", "members"), LIMITS))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).isEqualTo(detail);
                });
    }
}
