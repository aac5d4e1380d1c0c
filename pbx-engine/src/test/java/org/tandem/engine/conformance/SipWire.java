package org.tandem.engine.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough SIP to tell what came back: status codes, a header or two, and TCP framing. */
final class SipWire {

    private static final Pattern STATUS_LINE = Pattern.compile("^SIP/2\\.0 (\\d{3})(?: |\r|\n|$)");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)[ \t]*:[ \t]*(\\d+)");
    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:Call-ID|i)[ \t]*:[ \t]*(\\S+)");
    /** A message header larger than this is not something the engine would send. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private SipWire() {
    }

    static String text(byte[] message) {
        return new String(message, StandardCharsets.ISO_8859_1);
    }

    /** The status code of a response, empty for anything else. */
    static OptionalInt statusCode(byte[] message) {
        Matcher m = STATUS_LINE.matcher(text(message));
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    static Optional<String> callId(byte[] message) {
        Matcher m = CALL_ID.matcher(text(message));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String firstLine(byte[] message) {
        return text(message).lines().findFirst().orElse("");
    }

    /**
     * Reads one message from a stream (RFC 3261 18.3: header up to the empty line, then
     * Content-Length octets); null at end of stream before the first octet.
     */
    static byte[] readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (message.size() == 0) {
                    return null;
                }
                throw new IOException("stream ended inside a header: " + text(message.toByteArray()));
            }
            // Leading CRLFs are keep-alives (RFC 5626 3.5.1), not part of a message.
            if (message.size() == 0 && (b == '\r' || b == '\n')) {
                continue;
            }
            message.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (message.size() > MAX_HEADER_BYTES) {
                throw new IOException("header larger than " + MAX_HEADER_BYTES + " bytes");
            }
        }
        Matcher length = CONTENT_LENGTH.matcher(text(message.toByteArray()));
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        message.write(in.readNBytes(bodyLength));
        return message.toByteArray();
    }
}
