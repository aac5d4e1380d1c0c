package org.tandem.api.request;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/tenants/6f1c/calls", "from=2026-11-01&number=201", "q=Zo%C3%AB+%F0%9F%9A%80",
            "q=Zo\u00eb", "a=%25%2F%3F", ""})
    void wellFormedPercentEncodedUtf8PassesAsItIs(String raw) {
        assertThat(RequestTarget.problem("query", raw)).isEmpty();
        assertThat(RequestTarget.problem("query", null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "number=%00|The query holds a control character such as U+0000",
            "number=20%0d%0aX-Injected:1|The query holds a control character such as U+0000",
            "number=%7F|The query holds a control character such as U+0000",
            "number=%C2%85|The query holds a control character such as U+0000",
            "number=%ZZ|The query has a % not followed by two hexadecimal digits",
            "number=%4|The query has a % not followed by two hexadecimal digits",
            "number=%|The query has a % not followed by two hexadecimal digits",
            "number=%C3%28|The query is not percent-encoded UTF-8",
            "number=%ED%A0%80|The query is not percent-encoded UTF-8",
            "number=%FF|The query is not percent-encoded UTF-8"})
    void malformedEncodingOrAControlCharacterIsNamed(String raw, String problem) {
        assertThat(RequestTarget.problem("query", raw)).contains(problem);
    }
}
