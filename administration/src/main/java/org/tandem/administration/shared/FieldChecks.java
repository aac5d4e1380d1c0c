package org.tandem.administration.shared;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects every field's problem before refusing, so a form shows all of them at once rather than
 * one per try. The domain's constructors do the checking; their messages are shown as they are.
 */
public final class FieldChecks {

    private final Map<String, String> problems = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>();

    /** The value {@code parse} makes, or empty with the problem noted under {@code field}. */
    public <T> Optional<T> check(String field, Supplier<T> parse) {
        try {
            return Optional.ofNullable(parse.get());
        } catch (IllegalArgumentException e) {
            problem(field, e.getMessage());
            return Optional.empty();
        }
    }

    /** Notes a problem unless {@code field} already has one (the first is the one to fix). */
    public void problem(String field, String message) {
        problems.putIfAbsent(field, message);
    }

    /**
     * Notes that {@code field}'s value is well-formed but already used by something else (a SIP domain,
     * a number): the API answers that as a conflict rather than as invalid input.
     */
    public void taken(String field, String message) {
        if (!problems.containsKey(field)) {
            problems.put(field, message);
            taken.add(field);
        }
    }

    public boolean hasProblem(String field) {
        return problems.containsKey(field);
    }

    /** Throws {@link InvalidInputException} if anything was noted. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, taken);
        }
    }
}
