package org.tandem.portal.tenant;

import com.vaadin.flow.component.Component;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.portal.error.NoAccessView;
import org.tandem.portal.error.NotFoundView;
import org.tandem.portal.support.PortalViewTest;

import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static org.tandem.portal.support.TestAccounts.OTHER_RESELLER_USERNAME;
import static org.tandem.portal.support.TestAccounts.TENANT_USER_USERNAME;

/** Who opens a tenant's admin pages: its own reseller, no other reseller, and no tenant user. */
class TenantPageAccessTest extends PortalViewTest {

    /** A tenant admin page, by its path under the tenant, and the view it shows. */
    static Stream<Arguments> adminPages() {
        return Stream.of(
                Arguments.of("extensions", ExtensionsView.class),
                Arguments.of("active-calls", ActiveCallsView.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminPages")
    void aResellerOpensItsCustomersPageButNotAnotherResellers(String page, Class<? extends Component> view) {
        signIn(OTHER_RESELLER_USERNAME);
        navigate("tenants/" + fixture.globex() + "/" + page);
        _assertOne(view);
        navigate("tenants/" + fixture.acme() + "/" + page);
        _assertOne(NotFoundView.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminPages")
    void aTenantUserHasNoAdminPage(String page) {
        signIn(TENANT_USER_USERNAME);
        navigate("tenants/" + fixture.acme() + "/" + page);
        _assertOne(NoAccessView.class);
    }
}
