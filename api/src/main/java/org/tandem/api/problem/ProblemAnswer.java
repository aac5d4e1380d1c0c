package org.tandem.api.problem;

import java.util.List;
import java.util.Map;

/** A problem document with the headers that go with it (WWW-Authenticate, Retry-After, Allow). */
public record ProblemAnswer(Problem problem, Map<String, List<String>> headers) {

    public ProblemAnswer {
        headers = Map.copyOf(headers);
    }

    public static ProblemAnswer of(Problem problem) {
        return new ProblemAnswer(problem, Map.of());
    }
}
