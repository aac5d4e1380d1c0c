package org.tandem.administration.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordStrengthTest {

    private static String problem(String password) {
        return PasswordStrength.problem("jane@acme", password.toCharArray()).orElse("ok");
    }

    @Test
    void lengthComesFirst() {
        assertThat(problem("Sh0rt!")).isEqualTo("Password must be at least 12 characters long");
        assertThat(problem("x".repeat(129))).isEqualTo("Password must be at most 128 characters long");
    }

    @Test
    void guessableAndUsernameBasedPasswordsAreRefused() {
        assertThat(problem("Password1234!")).isEqualTo("Password is too easy to guess");
        assertThat(problem("aaaaaaaaaaaaaaaa")).isEqualTo("Password is too easy to guess");
        assertThat(problem("my-JANE@ACME-2026")).isEqualTo("Password must not contain the username");
    }

    @Test
    void aShortPasswordNeedsAMixALongPassphraseDoesNot() {
        assertThat(problem("lowercaseonly")).startsWith("Password needs three of");
        assertThat(problem("Lowercase4only")).isEqualTo("ok");
        assertThat(problem("correct horse battery staple")).isEqualTo("ok");
    }
}
