package org.tandem.api.request;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.tandem.api.problem.Problem;
import org.tandem.api.problem.ProblemMapper;
import org.tandem.api.problem.ProblemType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The media types a request names (Content-Type, Accept), checked before the JAX-RS runtime parses
 * them: it answers a malformed one with a bare HTML 400 before any of the API's code runs, and an
 * Accept quality that is no number with a 500. Here either is the API's 400 problem document.
 */
@WebFilter(urlPatterns = "/*")
public class MediaTypeHeaders extends HttpFilter {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> problem = problem(request.getHeader(HttpHeaders.CONTENT_TYPE),
                Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (problem.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Problem answer = ProblemType.MALFORMED_REQUEST.problem(problem.get()).at(request.getRequestURI());
        response.setStatus(answer.status());
        // JSON is UTF-8 by definition (RFC 8259 8.1): no charset parameter, as the API's other answers
        response.setContentType(ProblemMapper.PROBLEM_JSON.toString());
        response.getOutputStream().write(JSON.toJson(answer).getBytes(StandardCharsets.UTF_8));
    }

    /** What is wrong with the request's Content-Type and Accept headers, if anything. */
    static Optional<String> problem(String contentType, List<String> accepts) {
        if (contentType != null && mediaType(contentType).isEmpty()) {
            return Optional.of("The Content-Type header is not a media type such as application/json");
        }
        for (String accept : accepts) {
            for (String range : accept.split(",")) {
                if (!range.isBlank() && mediaType(range).filter(MediaTypeHeaders::qualityIsANumber).isEmpty()) {
                    return Optional.of("The Accept header is not a list of media types such as application/json");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<MediaType> mediaType(String text) {
        try {
            MediaType type = MediaType.valueOf(text.strip());
            return type.getType().isEmpty() || type.getSubtype().isEmpty() ? Optional.empty() : Optional.of(type);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** RFC 9110 12.4.2: a weight is a number from 0 to 1. */
    private static boolean qualityIsANumber(MediaType range) {
        String quality = range.getParameters().get("q");
        return quality == null || quality.strip().matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");
    }
}
