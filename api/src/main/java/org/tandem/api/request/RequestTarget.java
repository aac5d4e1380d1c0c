package org.tandem.api.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.tandem.api.problem.ProblemAnswer;
import org.tandem.api.problem.ProblemMapper;
import org.tandem.api.problem.ProblemType;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Refuses, before any resource is matched, a path or query that is not well-formed percent-encoded
 * UTF-8 (RFC 3986 2.1) or that decodes to a control character (U+0000 above all, which PostgreSQL
 * cannot store and which no parameter of the API means): 400, so a bad address never reaches a
 * decoder or the database as something else.
 */
@Provider
@PreMatching
@ApplicationScoped
public class RequestTarget implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        problem("path", uri.getRawPath()).or(() -> problem("query", uri.getRawQuery()))
                .ifPresent(detail -> request.abortWith(ProblemMapper.response(
                        ProblemAnswer.of(ProblemType.MALFORMED_REQUEST.problem(detail)), uri.getRawPath())));
    }

    /** What is wrong with the raw (still encoded) {@code part} of a request's address, if anything. */
    static Optional<String> problem(String part, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1)) || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                    return Optional.of("The " + part + " has a % not followed by two hexadecimal digits");
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return Optional.of("The " + part + " is not percent-encoded UTF-8");
        }
        return decoded.chars().anyMatch(Character::isISOControl)
                ? Optional.of("The " + part + " holds a control character such as U+0000") : Optional.empty();
    }
}
