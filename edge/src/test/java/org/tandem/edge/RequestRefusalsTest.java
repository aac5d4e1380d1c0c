package org.tandem.edge;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The edge's settings and the JSON it writes; what it answers is tested against a deployed node (ear's ApiIT). */
class RequestRefusalsTest {

    @Test
    void theLimitsAreSettingsOfPositiveWholeNumbers() {
        Properties settings = new Properties();
        assertThat(RequestRefusals.positive(settings, RequestRefusals.MAX_BODY_BYTES_PROPERTY, 10)).isEqualTo(10);
        settings.setProperty(RequestRefusals.MAX_BODY_BYTES_PROPERTY, " 2048 ");
        assertThat(RequestRefusals.positive(settings, RequestRefusals.MAX_BODY_BYTES_PROPERTY, 10)).isEqualTo(2048);
        for (String wrong : new String[] {"0", "-1", "ten", "1.5"}) {
            settings.setProperty(RequestRefusals.MAX_BODY_BYTES_PROPERTY, wrong);
            assertThatIllegalArgumentException().isThrownBy(() ->
                    RequestRefusals.positive(settings, RequestRefusals.MAX_BODY_BYTES_PROPERTY, 10))
                    .withMessageContaining(RequestRefusals.MAX_BODY_BYTES_PROPERTY);
        }
    }

    @Test
    void anAddressQuotedInTheProblemCannotBreakItsJson() {
        assertThat(RequestRefusals.json("/api/v1/\"}\\\n")).isEqualTo("\"/api/v1/\\\"}\\\\\\u000a\"");
    }
}
