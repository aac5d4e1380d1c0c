package org.tandem.portal.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import org.junit.jupiter.api.Test;
import org.tandem.portal.login.LoginView;
import org.tandem.portal.support.PortalViewTest;

import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OPERATOR_PASSWORD;
import static org.tandem.portal.support.TestAccounts.OPERATOR_USERNAME;

class AccessRulesTest extends PortalViewTest {

    @Test
    void every_route_not_marked_public_sends_a_stranger_to_the_login_page() {
        List<RouteData> closed = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> !route.getNavigationTarget().isAnnotationPresent(PublicView.class))
                .toList();
        assertThat(closed).as("the portal has views behind the sign-in").isNotEmpty();

        for (RouteData route : closed) {
            UI.getCurrent().navigate(route.getTemplate().replaceAll(":[A-Za-z]+(\\([^)]*\\))?",
                    UUID.randomUUID().toString()));

            assertThat(UI.getCurrent().getCurrentView()).as(route.getTemplate()).isInstanceOf(LoginView.class);
        }
    }

    @Test
    void the_login_page_is_the_only_public_view() {
        assertThat(RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getNavigationTarget)
                .filter(view -> view.isAnnotationPresent(PublicView.class))
                .distinct())
                .containsExactly(LoginView.class);
    }

    @Test
    void signing_in_gives_the_http_session_a_new_id() {
        String before = httpSessionId();

        submitLogin(OPERATOR_USERNAME, OPERATOR_PASSWORD);

        assertThat(httpSessionId()).isNotEqualTo(before);
        _assertOne(org.tandem.portal.home.HomeView.class);
    }

    private static String httpSessionId() {
        return ((VaadinServletRequest) VaadinRequest.getCurrent()).getHttpServletRequest().getSession().getId();
    }
}
