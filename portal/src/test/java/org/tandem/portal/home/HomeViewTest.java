package org.tandem.portal.home;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.server.VaadinService;
import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.portal.account.ChangePasswordView;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.support.PortalViewTest;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_PASSWORD;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;

class HomeViewTest extends PortalViewTest {

    @Test
    void home_without_a_sign_in_does_not_open() {
        navigate("home");

        _assertNone(HomeView.class);
    }

    @Test
    void greets_a_tenant_admin_by_username_and_role() {
        submitLogin(TENANT_ADMIN_USERNAME, TENANT_ADMIN_PASSWORD);

        assertThat(greetingText()).isEqualTo("Welcome, " + TENANT_ADMIN_USERNAME);
        assertThat(roleText()).isEqualTo("Signed in as tenant admin");
        Actor user = currentUser().actor();
        assertThat(user.tenant()).contains(fixture.acme());
        assertThat(user.reseller()).isEmpty();
    }

    @Test
    void signing_out_ends_the_session_and_opens_no_view_again() {
        submitLogin(TENANT_ADMIN_USERNAME, TENANT_ADMIN_PASSWORD);

        _click(_get(Button.class, spec -> spec.withId("sign-out")));

        assertThat(currentUser().isSignedIn()).isFalse();
        navigate("account/password");
        _assertNone(ChangePasswordView.class);
    }

    private static CurrentUser currentUser() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(CurrentUser.class);
    }
}
