package org.tandem.engine.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 49 messages of RFC 4475 ("SIP Torture Test Messages"), byte for byte as in the archive of its
 * Appendix A, from test resources {@code rfc4475/<tag>} (see the README.md there).
 */
final class TortureCorpus {

    /** What RFC 4475 says an element does with a message, as this engine's tests hold it to it. */
    enum Kind {
        /** Well formed (3.1.1, 3.4.1): a request is answered, a response that matches nothing is dropped. */
        VALID,
        /** Malformed (3.1.2), or a request RFC 4475 wants rejected (3.3): a 4xx (or 5xx) or nothing; never a 2xx. */
        INVALID,
        /** A legal request whose right answer depends on the element's role; RFC 4475 lets it succeed. */
        SEMANTIC
    }

    record Case(String tag, String section, String title, Kind kind) {

        byte[] bytes() {
            String resource = "/rfc4475/" + tag;
            try (InputStream in = TortureCorpus.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean isRequest() {
            return !new String(bytes(), 0, 4, StandardCharsets.ISO_8859_1).equals("SIP/");
        }

        /** The first Call-ID (long or compact form) of the message, if it has one. */
        Optional<String> callId() {
            Matcher m = CALL_ID.matcher(new String(bytes(), StandardCharsets.ISO_8859_1));
            return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
        }

        @Override
        public String toString() {
            return section + " " + tag + " (" + kind + ")";
        }
    }

    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:Call-ID|i)\\s*:\\s*(\\S+)");

    static final List<Case> ALL = List.of(
            // 3.1.1 Valid Messages
            new Case("wsinv", "3.1.1.1", "A Short Tortuous INVITE", Kind.VALID),
            new Case("intmeth", "3.1.1.2", "Wide Range of Valid Characters", Kind.VALID),
            new Case("esc01", "3.1.1.3", "Valid Use of the % Escaping Mechanism", Kind.VALID),
            new Case("escnull", "3.1.1.4", "Escaped Nulls in URIs", Kind.VALID),
            new Case("esc02", "3.1.1.5", "Use of % When It Is Not an Escape", Kind.VALID),
            new Case("lwsdisp", "3.1.1.6", "Message with No LWS between Display Name and <", Kind.VALID),
            new Case("longreq", "3.1.1.7", "Long Values in Header Fields", Kind.VALID),
            new Case("dblreq", "3.1.1.8", "Extra Trailing Octets in a UDP Datagram", Kind.VALID),
            new Case("semiuri", "3.1.1.9", "Semicolon-Separated Parameters in URI User Part", Kind.VALID),
            new Case("transports", "3.1.1.10", "Varied and Unknown Transport Types", Kind.VALID),
            new Case("mpart01", "3.1.1.11", "Multipart MIME Message", Kind.VALID),
            new Case("unreason", "3.1.1.12", "Unusual Reason Phrase", Kind.VALID),
            new Case("noreason", "3.1.1.13", "Empty Reason Phrase", Kind.VALID),
            // 3.1.2 Invalid Messages
            new Case("badinv01", "3.1.2.1", "Extraneous Header Field Separators", Kind.INVALID),
            new Case("clerr", "3.1.2.2", "Content Length Larger Than Message", Kind.INVALID),
            new Case("ncl", "3.1.2.3", "Negative Content-Length", Kind.INVALID),
            new Case("scalar02", "3.1.2.4", "Request Scalar Fields with Overlarge Values", Kind.INVALID),
            new Case("scalarlg", "3.1.2.5", "Response Scalar Fields with Overlarge Values", Kind.INVALID),
            new Case("quotbal", "3.1.2.6", "Unterminated Quoted String in Display Name", Kind.INVALID),
            new Case("ltgtruri", "3.1.2.7", "<> Enclosing Request-URI", Kind.INVALID),
            new Case("lwsruri", "3.1.2.8", "Malformed SIP Request-URI (embedded LWS)", Kind.INVALID),
            new Case("lwsstart", "3.1.2.9", "Multiple SP Separating Request-Line Elements", Kind.INVALID),
            new Case("trws", "3.1.2.10", "SP Characters at End of Request-Line", Kind.INVALID),
            new Case("escruri", "3.1.2.11", "Escaped Headers in SIP Request-URI", Kind.INVALID),
            new Case("baddate", "3.1.2.12", "Invalid Time Zone in Date Header Field", Kind.INVALID),
            new Case("regbadct", "3.1.2.13", "Failure to Enclose name-addr URI in <>", Kind.INVALID),
            new Case("badaspec", "3.1.2.14", "Spaces within addr-spec", Kind.INVALID),
            new Case("baddn", "3.1.2.15", "Non-token Characters in Display Name", Kind.INVALID),
            new Case("badvers", "3.1.2.16", "Unknown Protocol Version", Kind.INVALID),
            new Case("mismatch01", "3.1.2.17", "Start Line and CSeq Method Mismatch", Kind.INVALID),
            new Case("mismatch02", "3.1.2.18", "Unknown Method with CSeq Method Mismatch", Kind.INVALID),
            new Case("bigcode", "3.1.2.19", "Overlarge Response Code", Kind.INVALID),
            // 3.2 Transaction Layer Semantics: "could reject ... with a 400, or it could fall back to
            // the RFC 2543-style transaction identifier"
            new Case("badbranch", "3.2.1", "Missing Transaction Identifier", Kind.SEMANTIC),
            // 3.3 Application-Layer Semantics
            new Case("insuf", "3.3.1", "Missing Required Header Fields", Kind.INVALID),
            new Case("unkscm", "3.3.2", "Request-URI with Unknown Scheme", Kind.INVALID),
            new Case("novelsc", "3.3.3", "Request-URI with Known but Atypical Scheme", Kind.INVALID),
            new Case("unksm2", "3.3.4", "Unknown URI Schemes in Header Fields", Kind.INVALID),
            new Case("bext01", "3.3.5", "Proxy-Require and Require", Kind.INVALID),
            new Case("invut", "3.3.6", "Unknown Content-Type", Kind.INVALID),
            // "A registrar that does not care about challenge-response authentication will simply
            // ignore the Authorization header field"
            new Case("regaut01", "3.3.7", "Unknown Authorization Scheme", Kind.SEMANTIC),
            new Case("multi01", "3.3.8", "Multiple Values in Single Value Required Fields", Kind.INVALID),
            new Case("mcl01", "3.3.9", "Multiple Content-Length Values", Kind.INVALID),
            new Case("bcast", "3.3.10", "200 OK Response with Broadcast Via Header Field Value", Kind.INVALID),
            // "An endpoint should process the request as if the Max-Forwards field value were still positive"
            new Case("zeromf", "3.3.11", "Max-Forwards of Zero", Kind.SEMANTIC),
            // "This REGISTER should succeed" (3.3.12, 3.3.13, 3.3.14)
            new Case("cparam01", "3.3.12", "REGISTER with a Contact Header Parameter", Kind.SEMANTIC),
            new Case("cparam02", "3.3.13", "REGISTER with a url-parameter", Kind.SEMANTIC),
            new Case("regescrt", "3.3.14", "REGISTER with a URL Escaped Header", Kind.SEMANTIC),
            new Case("sdp01", "3.3.15", "Unacceptable Accept Offering", Kind.INVALID),
            // 3.4 Backward Compatibility
            new Case("inv2543", "3.4.1", "INVITE with RFC 2543 Syntax", Kind.VALID));

    private TortureCorpus() {
    }

    static Case byTag(String tag) {
        return ALL.stream().filter(c -> c.tag().equals(tag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no RFC 4475 case " + tag));
    }
}
