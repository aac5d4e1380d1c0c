package org.tandem.edge;

import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.URLDecodingHandler;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.URLUtils;

import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Map;
import java.util.Properties;

/**
 * The server's refusals of requests no application should see, answered in words: an address that is
 * not well-formed percent-encoding (400), a request target or header block over the node's limits
 * (414, 431) and a body declared over the node's limit (413). Under {@code /api/} the answer is an RFC
 * 9457 problem document shaped as the API's own, elsewhere a line of plain text; never an error page.
 * <p>
 * Undertow's parser would refuse all of these itself, with a bare 400 and no body, before any handler
 * or servlet could answer. So the listener is told not to decode addresses nor to limit bodies (ear's
 * tandem-server.cli), and this handler, in front of every deployment, checks the limits and decodes
 * the address the way the parser would have ({@link URLDecodingHandler}). What is still refused
 * inside the parser (a request line it cannot read, a bad or repeated Content-Length, headers past
 * the listener's max-header-size) is a bare 400 that closes the connection: no hook reaches it.
 */
public final class RequestRefusals implements HttpHandler {

    static final String MAX_BODY_BYTES_PROPERTY = "tandem.http.max.body.bytes";
    static final String MAX_TARGET_BYTES_PROPERTY = "tandem.http.max.target.bytes";
    static final String MAX_HEADER_BYTES_PROPERTY = "tandem.http.max.header.bytes";
    /** Undertow's own default for max-post-size. */
    static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    static final int DEFAULT_MAX_TARGET_BYTES = 8 * 1024;
    static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;

    private final HttpHandler next;
    private final long maxBodyBytes;
    private final int maxTargetBytes;
    private final int maxHeaderBytes;

    /** In front of {@code next}, with the node's limits (the launcher maps TANDEM_HTTP_* onto them). */
    public RequestRefusals(HttpHandler next) {
        this(next, System.getProperties());
    }

    RequestRefusals(HttpHandler next, Properties settings) {
        this.next = new URLDecodingHandler(next, StandardCharsets.UTF_8.name());
        this.maxBodyBytes = positive(settings, MAX_BODY_BYTES_PROPERTY, DEFAULT_MAX_BODY_BYTES);
        this.maxTargetBytes = (int) Math.min(Integer.MAX_VALUE, positive(settings, MAX_TARGET_BYTES_PROPERTY, DEFAULT_MAX_TARGET_BYTES));
        this.maxHeaderBytes = (int) Math.min(Integer.MAX_VALUE, positive(settings, MAX_HEADER_BYTES_PROPERTY, DEFAULT_MAX_HEADER_BYTES));
    }

    static long positive(Properties settings, String name, long fallback) {
        String value = settings.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not \"" + value + "\"");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String target = exchange.getQueryString().isEmpty() ? exchange.getRequestURI()
                : exchange.getRequestURI() + "?" + exchange.getQueryString();
        if (target.length() > maxTargetBytes) {
            refuse(exchange, 414, "target-too-long", "The address is too long",
                    "The address is longer than the node takes (" + maxTargetBytes + " characters).");
        } else if (headerBytes(exchange) > maxHeaderBytes) {
            refuse(exchange, 431, "headers-too-large", "The headers are too large",
                    "The request's headers are larger than the node takes (" + maxHeaderBytes + " bytes).");
        } else if (exchange.getRequestContentLength() > maxBodyBytes) {
            refuse(exchange, 413, "body-too-large", "The body is too large",
                    "The body is larger than the node takes (" + maxBodyBytes + " bytes).");
        } else if (!decodable(exchange)) {
            refuse(exchange, 400, "malformed-request", "The request is not well-formed",
                    "The address has a % not followed by two hexadecimal digits");
        } else {
            // a body sent in chunks, with no Content-Length, meets the same limit as it is read
            exchange.setMaxEntitySize(maxBodyBytes);
            next.handleRequest(exchange);
        }
    }

    private static long headerBytes(HttpServerExchange exchange) {
        long bytes = 0;
        for (HeaderValues header : exchange.getRequestHeaders()) {
            for (String value : header) {
                bytes += header.getHeaderName().length() + value.length() + 4;
            }
        }
        return bytes;
    }

    /** Whether {@link URLDecodingHandler} can decode the path and the query: the same decoder, tried first. */
    private static boolean decodable(HttpServerExchange exchange) {
        if (exchange.getConnection().getUndertowOptions().get(UndertowOptions.DECODE_URL, true)) {
            return true;
        }
        StringBuilder buffer = new StringBuilder();
        String charset = StandardCharsets.UTF_8.name();
        try {
            URLUtils.decode(exchange.getRequestPath(), charset, true, false, buffer);
            for (Map.Entry<String, Deque<String>> parameter : exchange.getQueryParameters().entrySet()) {
                URLUtils.decode(parameter.getKey(), charset, true, true, buffer);
                for (String value : parameter.getValue()) {
                    URLUtils.decode(value, charset, true, true, buffer);
                }
            }
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static void refuse(HttpServerExchange exchange, int status, String type, String title, String detail) {
        exchange.setStatusCode(status);
        // the body of a refused request is never read: the connection cannot carry another request
        exchange.setPersistent(false);
        String path = exchange.getRequestPath();
        if (path.equals("/api") || path.startsWith("/api/")) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
            exchange.getResponseSender().send("{\"type\":\"urn:tandem:problem:" + type + "\",\"title\":" + json(title)
                    + ",\"status\":" + status + ",\"detail\":" + json(detail) + ",\"instance\":"
                    + json(exchange.getRequestURI()) + "}");
        } else {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain;charset=UTF-8");
            exchange.getResponseSender().send(title + ". " + detail + "\n");
        }
    }

    /** {@code text} as a JSON string. */
    static String json(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
