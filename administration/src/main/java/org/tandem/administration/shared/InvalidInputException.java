package org.tandem.administration.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input a use case refused, with one message per field it names (the form shows each beside its
 * field, the API lists them); nothing was changed.
 */
public class InvalidInputException extends RuntimeException {

    /** The key of a message about the input as a whole, not one field. */
    public static final String WHOLE = "";

    private final Map<String, String> messages;

    public InvalidInputException(Map<String, String> messages) {
        super(messages.entrySet().stream()
                .map(entry -> entry.getKey().isEmpty() ? entry.getValue() : entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("; ")));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one problem");
        }
        this.messages = Map.copyOf(new LinkedHashMap<>(messages));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    /** Field name (or {@link #WHOLE}) to message. */
    public Map<String, String> messages() {
        return messages;
    }
}
