package org.tandem.domain.extension;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtensionNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"10", "101", "2000", "1234567890"})
    void acceptsTwoToTenDigits(String digits) {
        assertThat(new ExtensionNumber(digits).digits()).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "12345678901", "10a", "+101", " 101", "1 01"})
    void refusesAnythingElse(String digits) {
        assertThatThrownBy(() -> new ExtensionNumber(digits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 to 10 digits");
    }
}
