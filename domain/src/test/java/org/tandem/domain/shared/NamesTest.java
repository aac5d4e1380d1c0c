package org.tandem.domain.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Acme Ltd", "  Zoë Ørsted  ", "مكتب القاهرة", "עברית 2", "東京オフィス", "Team 🚀", "Ana\u200DLuz"})
    void keepsNamesInAnyScriptTrimmed(String name) {
        assertThat(Names.required(name, "Name")).isEqualTo(name.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200E", "\u200F", "\u061C"})
    void refusesEveryBidirectionalControl(String control) {
        assertThatIllegalArgumentException().isThrownBy(() -> Names.required("Invoice" + control + "fdp.exe", "Name"))
                .withMessage("Name contains characters that change the direction of text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\n", "\u007F", "\u0085", "\u2028", "\u2029"})
    void refusesControlsAndSeparators(String control) {
        assertThatIllegalArgumentException().isThrownBy(() -> Names.required("Bob" + control + "Baker", "Display name"))
                .withMessage("Display name contains control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "\uDFFF", "x\uDC00\uD800"})
    void refusesHalfASurrogatePair(String half) {
        assertThatIllegalArgumentException().isThrownBy(() -> Names.required("Name" + half, "Token name"))
                .withMessage("Token name contains half of a surrogate pair");
    }
}
