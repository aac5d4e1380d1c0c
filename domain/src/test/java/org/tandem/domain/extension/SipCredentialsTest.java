package org.tandem.domain.extension;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SipCredentialsTest {

    @Test
    void md5HashMatchesTheRfc2617Example() {
        SipCredentials credentials = SipCredentials.derive("Mufasa", "testrealm@host.com", "Circle Of Life".toCharArray());
        assertThat(credentials.ha1Md5()).isEqualTo("939e7578ed9e3c518a452acee763bce9");
    }

    @Test
    void sha256HashMatchesTheRfc7616Example() {
        SipCredentials credentials = SipCredentials.derive("Mufasa", "http-auth@example.org", "Circle of Life".toCharArray());
        assertThat(credentials.ha1Sha256()).isEqualTo("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232");
    }

    @Test
    void theSameSecretInAnotherRealmHashesDifferently() {
        char[] password = "s3cret".toCharArray();
        assertThat(SipCredentials.derive("101", "a.example.com", password))
                .isNotEqualTo(SipCredentials.derive("101", "b.example.com", password));
    }

    @Test
    void neverPrintsTheHashes() {
        SipCredentials credentials = SipCredentials.derive("101", "demo.tandem.test", "s3cret".toCharArray());
        assertThat(credentials.toString()).doesNotContain(credentials.ha1Md5()).doesNotContain(credentials.ha1Sha256());
    }

    @Test
    void refusesAnEmptyPasswordAndMalformedHashes() {
        assertThatThrownBy(() -> SipCredentials.derive("101", "demo.tandem.test", new char[0]))
                .hasMessageContaining("password is required");
        assertThatThrownBy(() -> new SipCredentials("plaintext", "x".repeat(64)))
                .hasMessageContaining("MD5 HA1");
        assertThatThrownBy(() -> new SipCredentials("0".repeat(32), "ABC"))
                .hasMessageContaining("SHA-256 HA1");
    }
}
