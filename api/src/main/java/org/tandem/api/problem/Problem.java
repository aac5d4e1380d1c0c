package org.tandem.api.problem;

import java.util.Map;

/**
 * An RFC 9457 problem document. {@code errors} (an extension member) names each refused field of the
 * request with its message, as the portal shows them beside the fields; null when not about fields.
 */
public record Problem(String type, String title, int status, String detail, Map<String, String> errors) {
}
