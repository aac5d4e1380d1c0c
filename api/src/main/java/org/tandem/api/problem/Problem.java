package org.tandem.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} names the kind of problem (a Tandem URN, or
 * {@code about:blank} when the HTTP status says it all); {@code title} is the same for every problem
 * of a type; {@code detail} is about this occurrence; {@code instance} is the request's path.
 *
 * @param errors the fields or CSV lines at fault (422 only), otherwise absent
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<InputError> errors) {

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
