package org.tandem.api.problem;

/**
 * The kinds of problem the API answers with, each a stable URN that clients may switch on
 * (docs/api.md lists them). URNs rather than web addresses: nothing to dereference, nothing to move.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "The request is not well-formed"),
    UNAUTHENTICATED(401, "Authentication needed"),
    FORBIDDEN(403, "Not allowed for this login"),
    NOT_FOUND(404, "No such resource"),
    ALREADY_EXISTS(409, "Already exists"),
    OVER_PLAN(409, "Over the plan's limits"),
    /** A tenant's configuration changes on its home node only; the detail names that node and its portal. */
    NOT_HOME_NODE(409, "Changed on the customer's home node only"),
    /** A body over the node's limit (RequestLimits), refused before it is read any further. */
    BODY_TOO_LARGE(413, "The body is too large"),
    INVALID_INPUT(422, "The input is not valid"),
    TOO_MANY_FAILED_ATTEMPTS(429, "Too many failed attempts"),
    UNAVAILABLE(503, "Try again shortly"),
    INTERNAL(500, "Internal error");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return "urn:tandem:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Problem problem(String detail) {
        return new Problem(uri(), title, status, detail, null, null);
    }
}
