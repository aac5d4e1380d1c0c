package org.tandem.api.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP Basic as RFC 7617 has it: UTF-8, the username up to the first colon, the rest the password. */
class BasicCredentialsTest {

    @Test
    void splitsAtTheFirstColonSoAPasswordMayHoldColons() {
        Authentication.Credentials credentials = Authentication.Credentials.decode(encode("bill@initech:pass:word"));

        assertThat(credentials.username()).isEqualTo("bill@initech");
        assertThat(credentials.password()).containsExactly("pass:word".toCharArray());
    }

    @Test
    void readsUtf8() {
        assertThat(Authentication.Credentials.decode(encode("zoë:pässwört")).password()).containsExactly("pässwört".toCharArray());
    }

    @Test
    void anythingUndecodableIsAnEmptyLoginThatMatchesNobody() {
        assertThat(Authentication.Credentials.decode("%%% not base64").password()).isEmpty();
        assertThat(Authentication.Credentials.decode(encode("no-colon")).password()).isEmpty();
        assertThat(Authentication.Credentials.decode("").username()).isEmpty();
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
