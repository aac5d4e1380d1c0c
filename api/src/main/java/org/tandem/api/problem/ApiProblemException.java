package org.tandem.api.problem;

import java.util.List;
import java.util.Map;

/** A problem the API itself finds (a body that is not JSON, say), answered as it is. */
public class ApiProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, List<String>> headers;

    public ApiProblemException(Problem problem, Map<String, List<String>> headers) {
        super(problem.detail());
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public ApiProblemException(ProblemType type, String detail) {
        this(type.problem(detail), Map.of());
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }
}
