package org.tandem.portal.login;

import org.junit.jupiter.api.Test;
import org.tandem.portal.login.SignInPage.Refusal;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page's HTML: labelled fields, no script, and whatever the visitor typed shown only as text. */
class SignInPageTest {

    @Test
    void theFormHasLabelledFieldsAndNoScript() {
        String page = SignInPage.html("/home", "", null);

        assertThat(page).contains("<title>Sign in | Tandem</title>", "<label for=\"username\">", "<label for=\"password\">",
                "autocomplete=\"current-password\"", "<form method=\"post\" action=\"login\"",
                "name=\"continue\" value=\"/home\"");
        assertThat(page).doesNotContain("<script", "style=", "role=\"alert\"");
    }

    @Test
    void aRefusalIsAnAlertTheFieldsPointAt() {
        String page = SignInPage.html("/home", "alice@acme", new Refusal(SignInPage.ERROR_TITLE, SignInPage.ERROR_MESSAGE));

        assertThat(page).contains("role=\"alert\"", SignInPage.ERROR_TITLE, SignInPage.ERROR_MESSAGE,
                "aria-describedby=\"sign-in-error\"", "value=\"alice@acme\"");
    }

    @Test
    void whatTheVisitorTypedCannotBreakOutOfTheAttribute() {
        String page = SignInPage.html("/home", "\"><script>alert('x')</script>", null);

        assertThat(page).doesNotContain("<script").contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\"");
    }
}
