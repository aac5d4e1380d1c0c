package org.tandem.administration.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Input a use case refused, with one message per field it names (the form shows each beside its
 * field, the API lists them); nothing was changed.
 */
public class InvalidInputException extends RuntimeException {

    /** The key of a message about the input as a whole, not one field. */
    public static final String WHOLE = "";

    private final Map<String, String> messages;
    private final Set<String> takenFields;

    public InvalidInputException(Map<String, String> messages) {
        this(messages, Set.of());
    }

    /** @param takenFields the fields among {@code messages} whose value is already used by something else */
    public InvalidInputException(Map<String, String> messages, Set<String> takenFields) {
        super(messages.entrySet().stream()
                .map(entry -> entry.getKey().isEmpty() ? entry.getValue() : entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("; ")));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one problem");
        }
        this.messages = Map.copyOf(new LinkedHashMap<>(messages));
        this.takenFields = Set.copyOf(takenFields);
        if (!messages.keySet().containsAll(takenFields)) {
            throw new IllegalArgumentException("a taken field has its message too");
        }
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    /** Field name (or {@link #WHOLE}) to message. */
    public Map<String, String> messages() {
        return messages;
    }

    /** The fields whose only fault is a value already in use (a duplicate); empty for plain invalid input. */
    public Set<String> takenFields() {
        return takenFields;
    }

    /** Whether every problem is a value already in use, so fixing the format would not help. */
    public boolean onlyTaken() {
        return takenFields.containsAll(messages.keySet());
    }
}
