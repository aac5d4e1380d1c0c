package org.tandem.api.request;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.api.problem.ApiProblemException;
import org.tandem.api.problem.ProblemType;

import java.io.StringReader;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A JSON object sent by a client, read one member at a time. A member of the wrong type, or one the
 * endpoint does not know (a typo would otherwise be ignored silently), is noted under its name;
 * {@link #requireValid()} refuses them all at once, before any service runs. Absent and null members
 * read as null: whether they are required is the service's call, in the service's words.
 */
public final class JsonRequest {

    private final JsonObject body;
    private final String prefix;
    private final Map<String, String> problems;

    private JsonRequest(JsonObject body, String prefix, Map<String, String> problems) {
        this.body = body;
        this.prefix = prefix;
        this.problems = problems;
    }

    /**
     * @param known the members the endpoint reads
     * @throws ApiProblemException 400 when {@code text} is not one JSON object within the node's {@link RequestLimits}
     */
    public static JsonRequest parse(String text, Set<String> known) {
        return parse(text, known, RequestLimits.CONFIGURED);
    }

    /**
     * As {@link #parse(String, Set)}, within {@code limits}. Beyond JSON's grammar (RFC 8259) a body is
     * refused when it nests deeper or has a longer number than the limits allow, repeats a member name
     * in one object (which of the two counts is undefined, so neither is guessed), or has a string
     * holding U+0000 or half of a surrogate pair (neither can be stored nor shown as it was sent).
     */
    public static JsonRequest parse(String text, Set<String> known, RequestLimits limits) {
        if (text == null || text.isBlank()) {
            throw new ApiProblemException(ProblemType.MALFORMED_REQUEST, "The request needs a JSON object as its body");
        }
        JsonValue value;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            value = new Reading(parser, limits).value(parser.next(), 1);
            if (parser.hasNext()) {
                throw new JsonParsingException("More after the JSON object", parser.getLocation());
            }
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            throw new ApiProblemException(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ApiProblemException(ProblemType.MALFORMED_REQUEST, "The body must be a JSON object");
        }
        return new JsonRequest(value.asJsonObject(), "", new LinkedHashMap<>()).knowing(known);
    }

    public String text(String member) {
        JsonValue value = value(member);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return wrongType(member, value, "a string");
    }

    public Integer whole(String member) {
        JsonValue value = value(member);
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException tooLarge) {
                problems.putIfAbsent(prefix + member, "Too large");
                return null;
            }
        }
        return wrongType(member, value, "a whole number");
    }

    /** {@code true} or {@code false}. */
    public Boolean truth(String member) {
        JsonValue value = value(member);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        return wrongType(member, value, "true or false");
    }

    /** An array of strings; an array holding anything else is noted as the wrong type. */
    public List<String> texts(String member) {
        JsonValue value = value(member);
        if (value instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        return wrongType(member, value, "an array of strings");
    }

    /** One of {@code type}'s constants, by its exact name. */
    public <E extends Enum<E>> E choice(String member, Class<E> type) {
        String text = text(member);
        if (text == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(text)).findFirst()
                .orElseGet(() -> {
                    problems.putIfAbsent(prefix + member, "Must be one of " + Arrays.stream(type.getEnumConstants())
                            .map(Enum::name).collect(Collectors.joining(", ")));
                    return null;
                });
    }

    /** An RFC 3339 date-time with its offset, such as {@code 2027-01-31T00:00:00Z} ({@link Dates#instant}). */
    public Instant instant(String member) {
        String text = text(member);
        if (text == null) {
            return null;
        }
        try {
            return Dates.instant(text);
        } catch (DateTimeException e) {
            problems.putIfAbsent(prefix + member, "Must be a date and time with its offset, such as 2027-01-31T00:00:00Z");
            return null;
        }
    }

    /** The nested object {@code member}, read like this one, its problems named {@code member.inner}. */
    public JsonRequest object(String member, Set<String> known) {
        JsonValue value = value(member);
        if (value instanceof JsonObject object) {
            return new JsonRequest(object, prefix + member + ".", problems).knowing(known);
        }
        wrongType(member, value, "an object");
        return new JsonRequest(JsonValue.EMPTY_JSON_OBJECT, prefix + member + ".", problems);
    }

    public boolean has(String member) {
        return value(member) != null;
    }

    /** Refuses the request (422, every member named) if a member had the wrong type or was unknown. */
    public void requireValid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private JsonRequest knowing(Set<String> known) {
        body.keySet().stream().filter(member -> !known.contains(member))
                .forEach(member -> problems.putIfAbsent(prefix + member, "Unknown member: this endpoint takes "
                        + String.join(", ", known.stream().sorted().toList())));
        return this;
    }

    private JsonValue value(String member) {
        JsonValue value = body.get(member);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private <T> T wrongType(String member, JsonValue value, String expected) {
        if (value != null) {
            problems.putIfAbsent(prefix + member, "Must be " + expected);
        }
        return null;
    }

    /** Builds the value event by event, refusing what {@link #parse(String, Set, RequestLimits)} refuses as it meets it. */
    private record Reading(JsonParser parser, RequestLimits limits) {

        JsonValue value(JsonParser.Event event, int depth) {
            return switch (event) {
                case START_OBJECT -> object(nested(depth));
                case START_ARRAY -> array(nested(depth));
                case VALUE_STRING -> Json.createValue(storable(parser.getString()));
                case VALUE_NUMBER -> number();
                case VALUE_TRUE -> JsonValue.TRUE;
                case VALUE_FALSE -> JsonValue.FALSE;
                case VALUE_NULL -> JsonValue.NULL;
                case KEY_NAME, END_OBJECT, END_ARRAY -> throw new JsonParsingException("Unexpected " + event,
                        parser.getLocation());
            };
        }

        private int nested(int depth) {
            if (depth > limits.maxJsonDepth()) {
                throw refused("The body nests objects and arrays more than " + limits.maxJsonDepth() + " deep");
            }
            return depth;
        }

        private JsonObject object(int depth) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            Set<String> names = new HashSet<>();
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String name = storable(parser.getString());
                if (!names.add(name)) {
                    throw refused("The member \"" + name + "\" appears more than once in one object");
                }
                object.add(name, value(parser.next(), depth + 1));
            }
            return object.build();
        }

        private JsonArray array(int depth) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
                array.add(value(event, depth + 1));
            }
            return array.build();
        }

        private JsonValue number() {
            if (parser.getString().length() > limits.maxNumberLength()) {
                throw refused("A number in the body is longer than " + limits.maxNumberLength() + " characters");
            }
            return parser.getValue();
        }

        private static String storable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 0) {
                    throw refused("A string in the body holds the character U+0000");
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw refused("A string in the body holds half of a UTF-16 surrogate pair (\\u"
                            + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")");
                }
            }
            return text;
        }

        private static ApiProblemException refused(String detail) {
            return new ApiProblemException(ProblemType.MALFORMED_REQUEST, detail);
        }
    }
}
