package org.tandem.portal.login;

import com.vaadin.flow.component.login.LoginForm;
import org.junit.jupiter.api.Test;
import org.tandem.portal.home.HomeView;
import org.tandem.portal.support.PortalViewTest;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OPERATOR_PASSWORD;
import static org.tandem.portal.support.TestAccounts.OPERATOR_USERNAME;

class LoginViewTest extends PortalViewTest {

    @Test
    void the_root_shows_the_login_form_titled_tandem() {
        _assertOne(LoginView.class);
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isFalse();
        assertThat(texts(form)).contains("\"title\":\"Tandem\"");
    }

    @Test
    void the_login_path_shows_the_same_form() {
        navigate("login");

        _assertOne(LoginView.class);
        _assertOne(LoginForm.class);
        assertThat(currentPath()).isEqualTo("login");
    }

    @Test
    void a_wrong_password_shows_the_error_and_stays_on_the_login_page() {
        submitLogin(OPERATOR_USERNAME, "not the password");

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(form.isEnabled()).as("the form takes another try").isTrue();
        assertThat(texts(form)).contains(LoginView.ERROR_TITLE);
        _assertOne(LoginView.class);
        _assertNone(HomeView.class);
    }

    @Test
    void an_unknown_username_gets_exactly_the_same_answer_as_a_wrong_password() {
        submitLogin(OPERATOR_USERNAME, "not the password");
        String afterWrongPassword = texts(_get(LoginForm.class));

        submitLogin("nobody-here", OPERATOR_PASSWORD);

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(texts(form)).isEqualTo(afterWrongPassword);
        _assertNone(HomeView.class);
    }

    @Test
    void a_username_that_cannot_exist_is_just_another_failed_sign_in() {
        submitLogin("", "");

        assertThat(_get(LoginForm.class).isError()).isTrue();
        _assertOne(LoginView.class);
    }

    @Test
    void good_credentials_land_on_home_showing_the_username_and_role() {
        submitLogin(OPERATOR_USERNAME, OPERATOR_PASSWORD);

        _assertOne(HomeView.class);
        assertThat(currentPath()).isEqualTo("home");
        assertThat(greetingText()).contains(OPERATOR_USERNAME);
        assertThat(roleText()).contains("operator");
    }

    @Test
    void usernames_are_not_case_sensitive() {
        submitLogin("  " + OPERATOR_USERNAME.toUpperCase() + " ", OPERATOR_PASSWORD);

        _assertOne(HomeView.class);
    }

    @Test
    void a_signed_in_user_who_opens_the_login_page_goes_on_to_home() {
        submitLogin(OPERATOR_USERNAME, OPERATOR_PASSWORD);

        navigate("login");

        _assertOne(HomeView.class);
        assertThat(currentPath()).isEqualTo("home");
    }

    @Test
    void five_wrong_passwords_pause_the_username_and_say_so_even_for_the_right_password() {
        for (int i = 0; i < 5; i++) {
            submitLogin(OPERATOR_USERNAME, "guess " + i);
        }

        submitLogin(OPERATOR_USERNAME, OPERATOR_PASSWORD);

        _assertNone(HomeView.class);
        assertThat(texts(_get(LoginForm.class))).contains(LoginView.THROTTLED_TITLE);
    }

    /** The form's texts as sent to the browser (title, error title and message...). */
    private static String texts(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
