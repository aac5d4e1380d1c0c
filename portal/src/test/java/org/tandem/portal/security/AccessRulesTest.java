package org.tandem.portal.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.junit.jupiter.api.Test;
import org.tandem.portal.home.HomeView;
import org.tandem.portal.support.PortalViewTest;

import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OPERATOR_USERNAME;

/**
 * No view opens for a browser that is not signed in. On a node no such browser reaches Vaadin at all
 * (guard.SignInRequired); this is the rule behind it, for a UI whose user was signed out meanwhile.
 */
class AccessRulesTest extends PortalViewTest {

    @Test
    void no_route_opens_for_a_browser_that_is_not_signed_in() {
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        assertThat(routes).as("the portal's views").hasSizeGreaterThan(5);

        for (RouteData route : routes) {
            UI.getCurrent().navigate(route.getTemplate().replaceAll(":[A-Za-z]+(\\([^)]*\\))?",
                    UUID.randomUUID().toString()));

            _assertNone(route.getNavigationTarget());
        }
    }

    @Test
    void the_root_is_the_landing_view_once_signed_in() {
        signIn(OPERATOR_USERNAME);

        UI.getCurrent().navigate("");

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(HomeView.class);
    }
}
