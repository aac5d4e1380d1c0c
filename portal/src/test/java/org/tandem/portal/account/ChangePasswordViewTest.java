package org.tandem.portal.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.Test;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.portal.home.HomeView;
import org.tandem.portal.security.SignIn;
import org.tandem.portal.support.PortalViewTest;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.TENANT_USER_USERNAME;

/** Every signed-in person changes their own password; bad input is named under its field and changes nothing. */
class ChangePasswordViewTest extends PortalViewTest {

    @Test
    void badInputIsShownUnderEachFieldAndTheRightInputChangesThePassword() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Password View Co", 5);
        submitLogin(customer.admin(), customer.password());
        navigate("account/password");

        submit("wrong-password", "short", "different");
        assertThat(field("current-password").getErrorMessage()).isEqualTo("This is not your current password");
        assertThat(field("new-password").getErrorMessage()).isEqualTo("Password must be at least 12 characters long");
        assertThat(field("repeated-password").getErrorMessage()).isEqualTo("The two new passwords differ");
        assertThat(field("current-password").isInvalid()).isTrue();
        assertThat(field("current-password").getValue()).as("no password stays on the page").isEmpty();
        _assertNone(Paragraph.class, spec -> spec.withId("password-changed"));
        assertThat(fixture.accounts.findByUsername(customer.admin()).orElseThrow()
                .canSignIn(customer.password().toCharArray())).as("nothing changed").isTrue();

        submit(customer.password(), "Copper-Kettle-48-Birds", "Copper-Kettle-48-Birds");
        assertThat(field("current-password").isInvalid()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("password-changed")).getText())
                .startsWith("Your password is changed");

        _click(_get(Button.class, spec -> spec.withId("sign-out")));
        assertThat(submitLogin(customer.admin(), customer.password())).as("the old password no longer signs in")
                .isInstanceOf(SignIn.Refused.class);
        submitLogin(customer.admin(), "Copper-Kettle-48-Birds");
        _assertOne(HomeView.class);
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedSignInsAndBlockTheLogin() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Password Guess Co", 5);
        submitLogin(customer.admin(), customer.password());
        navigate("account/password");

        for (int guess = 0; guess < 5; guess++) {
            submit("guess-" + guess, "Copper-Kettle-48-Birds", "Copper-Kettle-48-Birds");
        }
        submit(customer.password(), "Copper-Kettle-48-Birds", "Copper-Kettle-48-Birds");

        assertThat(_get(Paragraph.class, spec -> spec.withId("form-error")).getText())
                .isEqualTo(ChangePasswordView.THROTTLED);
        assertThat(fixture.accounts.findByUsername(customer.admin()).orElseThrow()
                .canSignIn(customer.password().toCharArray())).as("nothing changed").isTrue();
    }

    @Test
    void aTenantUserHasThePageToo() {
        signIn(TENANT_USER_USERNAME);
        navigate("account/password");
        _assertOne(ChangePasswordView.class);
    }

    private static PasswordField field(String id) {
        return _get(PasswordField.class, spec -> spec.withId(id));
    }

    private static void submit(String current, String newPassword, String repeated) {
        _setValue(field("current-password"), current);
        _setValue(field("new-password"), newPassword);
        _setValue(field("repeated-password"), repeated);
        _click(_get(Button.class, spec -> spec.withId("change-password")));
    }
}
