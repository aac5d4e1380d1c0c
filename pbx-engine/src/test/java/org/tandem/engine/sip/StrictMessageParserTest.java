package org.tandem.engine.sip;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks the strict parser adds, on the edges the RFC 4475 corpus does not reach
 * ({@code conformance.Rfc4475TortureTest} runs the corpus itself through a live engine).
 */
class StrictMessageParserTest {

    @Test
    void anUnquotedUtf8DisplayNameAndAQuotedOneWithACommaPass() {
        assertThatCode(() -> check("From: Jürgen Müller <sip:101@acme.example>;tag=1",
                "To: \"Bell, A.\" <sip:102@acme.example>")).doesNotThrowAnyException();
    }

    @Test
    void aBareUriWithoutBracketsPasses() {
        assertThatCode(() -> check("From: sip:101@acme.example;tag=1", "t: sip:102@acme.example"))
                .doesNotThrowAnyException();
    }

    @Test
    void twoContentLengthsAreRefusedEvenWhenTheyAgree() {
        assertThatThrownBy(() -> check("From: <sip:101@acme.example>;tag=1", "To: <sip:102@acme.example>",
                "Content-Length: 0", "l: 0"))
                .isInstanceOf(ParseException.class).hasMessageContaining("Content-Length");
    }

    @Test
    void aFoldedHeaderIsReadAsOneLine() {
        assertThatThrownBy(() -> check("From: Bell,\r\n Alexander <sip:101@acme.example>;tag=1",
                "To: <sip:102@acme.example>"))
                .isInstanceOf(ParseException.class).hasMessageContaining("display name");
    }

    @Test
    void emptyBracketsAreRefused() {
        assertThatThrownBy(() -> check("From: <sip:101@acme.example>;tag=1", "To: A <>"))
                .isInstanceOf(ParseException.class).hasMessageContaining("inside <>");
    }

    @Test
    void aStatusLineMayEndInWhitespaceForItsReasonPhraseMay() {
        assertThatCode(() -> StrictMessageParser.checkHead(("SIP/2.0 200 OK  \r\nFrom: <sip:a@b>;tag=1\r\n"
                + "To: <sip:c@d>\r\n\r\n").getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @Test
    void aRequestLineEndingInWhitespaceIsRefused() {
        assertThatThrownBy(() -> StrictMessageParser.checkHead(("OPTIONS sip:a@b SIP/2.0 \r\nFrom: <sip:a@b>;tag=1\r\n"
                + "To: <sip:c@d>\r\n\r\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class).hasMessageContaining("Request-Line");
    }

    private static void check(String... headers) throws ParseException {
        String message = "OPTIONS sip:102@acme.example SIP/2.0\r\n" + String.join("\r\n", headers) + "\r\n\r\n";
        StrictMessageParser.checkHead(message.getBytes(StandardCharsets.UTF_8));
    }
}
