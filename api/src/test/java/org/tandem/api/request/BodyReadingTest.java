package org.tandem.api.request;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.tandem.api.problem.ApiProblemException;
import org.tandem.api.problem.ProblemType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyReadingTest {

    private static final RequestLimits LIMITS = new RequestLimits(8, 16, 32);

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws Exception {
        assertThat(BodyReading.boundedBody(new ByteArrayInputStream("12345678".getBytes()), LIMITS)).hasSize(8);
        BodyReading.requireDeclaredLengthWithin("8", LIMITS);
        BodyReading.requireDeclaredLengthWithin(null, LIMITS);
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrFoundWhileReading() {
        assertTooLarge(() -> BodyReading.requireDeclaredLengthWithin("9", LIMITS));
        assertTooLarge(() -> BodyReading.requireDeclaredLengthWithin("99999999999999", LIMITS));
        // a chunked body says no length: reading stops one byte past the limit, not at the end of an endless stream
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertTooLarge(() -> BodyReading.boundedBody(endless, LIMITS));
    }

    @Test
    void malformedTextInTheBodysCharsetIsRefusedNotReplaced() {
        byte[] good = "{\"name\": \"Zoë 🚀\"}".getBytes(StandardCharsets.UTF_8);
        BodyReading.requireText(good, StandardCharsets.UTF_8);
        for (byte[] bad : new byte[][]{{'a', (byte) 0xFF}, {(byte) 0xC3, '('}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF0, (byte) 0x9F, (byte) 0x9A}, {(byte) 0xC0, (byte) 0xAF}}) {
            assertThatThrownBy(() -> BodyReading.requireText(bad, StandardCharsets.UTF_8))
                    .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().detail()).isEqualTo("The body is not valid UTF-8 text: send it as UTF-8");
                    });
        }
    }

    @Test
    void theCharsetIsUtf8UnlessTheContentTypeNamesAKnownOne() {
        assertThat(BodyReading.charset(null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(BodyReading.charset(MediaType.APPLICATION_JSON_TYPE)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(BodyReading.charset(new MediaType("text", "csv", "ISO-8859-1"))).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> BodyReading.charset(new MediaType("application", "json", "klingon-8")))
                .isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(() -> BodyReading.charset(new MediaType("application", "json", Map.of("charset", "ut f"))))
                .isInstanceOf(NotSupportedException.class);
    }

    @Test
    void limitsComeFromTheNodesPropertiesAndAreRefusedWhenNotPositive() {
        Properties properties = new Properties();
        assertThat(RequestLimits.of(properties)).isEqualTo(new RequestLimits(1024 * 1024, 16, 32));
        properties.setProperty(RequestLimits.MAX_BODY_BYTES_PROPERTY, " 4096 ");
        properties.setProperty(RequestLimits.MAX_JSON_DEPTH_PROPERTY, "8");
        properties.setProperty(RequestLimits.MAX_NUMBER_LENGTH_PROPERTY, "20");
        assertThat(RequestLimits.of(properties)).isEqualTo(new RequestLimits(4096, 8, 20));
        properties.setProperty(RequestLimits.MAX_JSON_DEPTH_PROPERTY, "0");
        assertThatIllegalArgumentException().isThrownBy(() -> RequestLimits.of(properties))
                .withMessage("tandem.api.max.json.depth must be a positive whole number, not '0'");
        properties.setProperty(RequestLimits.MAX_JSON_DEPTH_PROPERTY, "lots");
        assertThatIllegalArgumentException().isThrownBy(() -> RequestLimits.of(properties));
    }

    private static void assertTooLarge(org.assertj.core.api.ThrowableAssert.ThrowingCallable reading) {
        assertThatThrownBy(reading).isInstanceOfSatisfying(ApiProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(413);
            assertThat(e.problem().type()).isEqualTo(ProblemType.BODY_TOO_LARGE.uri());
        });
    }
}
