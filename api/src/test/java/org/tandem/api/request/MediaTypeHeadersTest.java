package org.tandem.api.request;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTypeHeadersTest {

    @Test
    void wellFormedMediaTypesPass() {
        assertThat(MediaTypeHeaders.problem(null, List.of())).isEmpty();
        assertThat(MediaTypeHeaders.problem("application/json; charset=UTF-8",
                List.of("application/json, application/problem+json;q=0.9", "text/*;q=0.5, */*;q=0", ""))).isEmpty();
        assertThat(MediaTypeHeaders.problem("text/csv", List.of("*/*"))).isEmpty();
    }

    @Test
    void aMalformedContentTypeIsNamed() {
        for (String contentType : new String[]{";;;", "/", "application/", "json", ""}) {
            assertThat(MediaTypeHeaders.problem(contentType, List.of())).as(contentType)
                    .contains("The Content-Type header is not a media type such as application/json");
        }
    }

    @Test
    void aMalformedAcceptOrAWeightThatIsNoNumberIsNamed() {
        for (String accept : new String[]{";;;", "application/json;q=abc", "application/json;q=2", "text/html, /", "*/*;q=-1"}) {
            assertThat(MediaTypeHeaders.problem("application/json", List.of(accept))).as(accept)
                    .contains("The Accept header is not a list of media types such as application/json");
        }
    }
}
