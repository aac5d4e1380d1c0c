package org.tandem.domain.voicemail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tandem.domain.extension.ExtensionNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoicemailPinTest {

    private static final ExtensionNumber EXTENSION = new ExtensionNumber("2581");

    @Test
    void aPinIsKeptOnlyAsASaltedHashAndMatchesOnlyItself() {
        VoicemailPin pin = VoicemailPin.choose("4826", EXTENSION);
        VoicemailPin same = VoicemailPin.choose("4826", EXTENSION);

        assertThat(pin.hash().encoded()).doesNotContain("4826").startsWith("pbkdf2-sha256$");
        assertThat(same.hash()).as("salted: the same PIN hashes differently").isNotEqualTo(pin.hash());
        assertThat(pin.toString()).doesNotContain("4826").doesNotContain(pin.hash().encoded());
        assertThat(pin.matches("4826")).isTrue();
        assertThat(pin.matches("4827")).isFalse();
        assertThat(pin.matches("48260")).isFalse();
        assertThat(pin.matches(null)).isFalse();
        assertThat(pin.matches("4".repeat(1_000_000))).as("a flood of digits is never hashed").isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            123         | A PIN has 4 to 10 digits
            12345678901 | A PIN has 4 to 10 digits
            12a4        | A PIN is made of the digits 0 to 9 only
            '１２３９'   | A PIN is made of the digits 0 to 9 only
            '48 26'     | A PIN is made of the digits 0 to 9 only
            '4826\n'    | A PIN is made of the digits 0 to 9 only
            0000        | A PIN of one digit repeated (like 1111) is the first a guesser tries: choose another
            9999999999  | A PIN of one digit repeated (like 1111) is the first a guesser tries: choose another
            1234        | A PIN of digits in a row (like 1234, 7890 or 4321) is the first a guesser tries: choose another
            4321        | A PIN of digits in a row (like 1234, 7890 or 4321) is the first a guesser tries: choose another
            7890        | A PIN of digits in a row (like 1234, 7890 or 4321) is the first a guesser tries: choose another
            0987654321  | A PIN of digits in a row (like 1234, 7890 or 4321) is the first a guesser tries: choose another
            2581        | A PIN may not be the extension's own number: choose another
            """)
    void aMalformedOrWeakPinIsRefusedInWordsThatDoNotRepeatIt(String pin, String reason) {
        String given = pin.replace("\\n", "\n");
        assertThatThrownBy(() -> VoicemailPin.choose(given, EXTENSION))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
        assertThat(VoicemailPin.problemWith(given, EXTENSION)).contains(reason);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingPinIsAskedFor(String pin) {
        assertThat(VoicemailPin.problemWith(pin, EXTENSION)).contains("Enter a PIN of 4 to 10 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1235", "2468", "1122", "9012345679", "25810", "1258"})
    void pinsThatAreNeitherRunsNorRepeatsNorTheNumberAreFine(String pin) {
        assertThat(VoicemailPin.problemWith(pin, EXTENSION)).isEmpty();
    }
}
