package org.tandem.api.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.tandem.api.problem.ApiProblemException;
import org.tandem.api.problem.ProblemType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Every request body, JSON or CSV, before any reader sees it: at most {@link RequestLimits#maxBodyBytes()}
 * (413 past that, told by Content-Length or found while reading), and text in its charset (UTF-8 unless
 * the Content-Type names another) without a single malformed byte. JAX-RS's own string reader would
 * put U+FFFD in place of such bytes and so store something the client never sent.
 */
@Provider
@ApplicationScoped
public class BodyReading implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        RequestLimits limits = RequestLimits.CONFIGURED;
        requireDeclaredLengthWithin(context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH), limits);
        byte[] body = boundedBody(context.getInputStream(), limits);
        requireText(body, charset(context.getMediaType()));
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static void requireDeclaredLengthWithin(String contentLength, RequestLimits limits) {
        if (contentLength == null) {
            return;
        }
        try {
            if (Long.parseLong(contentLength.strip()) > limits.maxBodyBytes()) {
                throw tooLarge(limits);
            }
        } catch (NumberFormatException malformed) {
            throw new ApiProblemException(ProblemType.MALFORMED_REQUEST, "The Content-Length header is not a number");
        }
    }

    /** The whole body, read no further than one byte past the limit (a chunked body says no length up front). */
    static byte[] boundedBody(InputStream in, RequestLimits limits) throws IOException {
        byte[] body = in.readNBytes(limits.maxBodyBytes() + 1);
        if (body.length > limits.maxBodyBytes()) {
            throw tooLarge(limits);
        }
        return body;
    }

    static void requireText(byte[] body, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new ApiProblemException(ProblemType.MALFORMED_REQUEST, "The body is not valid " + charset.name()
                    + " text: send it as UTF-8");
        }
    }

    static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw new NotSupportedException("Unknown charset " + name);
        }
    }

    private static ApiProblemException tooLarge(RequestLimits limits) {
        return new ApiProblemException(ProblemType.BODY_TOO_LARGE, "The body is larger than the node takes ("
                + limits.maxBodyBytes() + " bytes)");
    }
}
