package org.tandem.portal.login;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page returns only to paths of the portal: no open redirect, whatever the parameter holds. */
class ReturnPathTest {

    @Test
    void aPathOfThePortalIsKeptWithItsQuery() {
        assertThat(ReturnPath.of("/tenants/6b1f/extensions")).isEqualTo("/tenants/6b1f/extensions");
        assertThat(ReturnPath.of("/calls?from=2026-12-01&to=2026-12-07")).isEqualTo("/calls?from=2026-12-01&to=2026-12-07");
        assertThat(ReturnPath.of("/a%20b")).isEqualTo("/a%20b");
    }

    @Test
    void anythingElseLandsOnHome() {
        for (String hostile : new String[] {null, "", "//evil.example", "//evil.example/home", "/\\evil.example",
                "\\\\evil.example", "https://evil.example/", "evil.example", "javascript:alert(1)", "/home\r\nSet-Cookie: x=1",
                "/ home", "/home#fragment", "/<script>", "/" + "a".repeat(2001)}) {
            assertThat(ReturnPath.of(hostile)).as(String.valueOf(hostile)).isEqualTo(ReturnPath.HOME);
        }
    }

    @Test
    void theSignInAddressCarriesTheWantedPathEncodedAndNothingForTheRoot() {
        assertThat(ReturnPath.signInAddress("/tenants/6b1f/calls?page=2"))
                .isEqualTo("login?continue=%2Ftenants%2F6b1f%2Fcalls%3Fpage%3D2");
        assertThat(ReturnPath.signInAddress("/")).isEqualTo("login");
        assertThat(ReturnPath.signInAddress("//evil.example")).isEqualTo("login");
    }
}
