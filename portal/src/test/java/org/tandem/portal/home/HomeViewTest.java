package org.tandem.portal.home;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.tandem.portal.login.LoginView;
import org.tandem.portal.security.SignedInUser;
import org.tandem.portal.support.PortalViewTest;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_PASSWORD;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;

class HomeViewTest extends PortalViewTest {

    @Test
    void home_without_a_sign_in_reroutes_to_the_login_page() {
        navigate("home");

        _assertOne(LoginView.class);
        _assertOne(LoginForm.class);
        _assertNone(HomeView.class);
        assertThat(currentPath()).isEqualTo("login");
    }

    @Test
    void greets_a_tenant_admin_by_username_and_role() {
        submitLogin(TENANT_ADMIN_USERNAME, TENANT_ADMIN_PASSWORD);

        assertThat(greetingText()).isEqualTo("Welcome, " + TENANT_ADMIN_USERNAME);
        assertThat(roleText()).isEqualTo("Signed in as tenant admin");
        SignedInUser user = VaadinSession.getCurrent().getAttribute(SignedInUser.class);
        assertThat(user.tenantId()).contains(fixture.acme());
        assertThat(user.resellerId()).isEmpty();
    }

    @Test
    void signing_out_returns_to_the_login_page_and_closes_home_again() {
        submitLogin(TENANT_ADMIN_USERNAME, TENANT_ADMIN_PASSWORD);
        VaadinSession signedInSession = VaadinSession.getCurrent();

        _click(_get(Button.class, spec -> spec.withId("sign-out")));

        assertThat(VaadinSession.getCurrent()).isNotSameAs(signedInSession);
        assertThat(VaadinSession.getCurrent().getAttribute(SignedInUser.class)).isNull();
        _assertOne(LoginView.class);

        navigate("home");
        _assertOne(LoginView.class);
        _assertNone(HomeView.class);
    }
}
