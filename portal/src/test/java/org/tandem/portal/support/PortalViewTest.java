package org.tandem.portal.support;

import com.github.mvysny.kaributesting.v10.LoginFormKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tandem.administration.apitoken.ApiTokenService;
import org.tandem.administration.calls.CallHistoryService;
import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.extension.ExtensionService;
import org.tandem.administration.operator.ClusterService;
import org.tandem.administration.registration.RegistrationService;
import org.tandem.administration.ringgroup.RingGroupService;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.account.PortalAccountRepository;

import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/**
 * Base of the browserless view tests: a fresh portal session per test, opened at the root, on the
 * real services and a real PostgreSQL (the administration fixture, shared by the JVM's tests).
 */
public abstract class PortalViewTest {

    protected final AdministrationFixture fixture = AdministrationFixture.shared();

    @BeforeEach
    void openPortal() {
        BrowserlessPortal.start(Map.of(
                PortalAccountRepository.class, fixture.accounts,
                CustomerService.class, fixture.customers,
                ExtensionService.class, fixture.extensions,
                RegistrationService.class, fixture.registrations,
                ApiTokenService.class, fixture.apiTokens,
                CallHistoryService.class, fixture.calls,
                ClusterService.class, fixture.cluster,
                RingGroupService.class, fixture.ringGroups));
    }

    @AfterEach
    void closePortal() {
        BrowserlessPortal.stop();
    }

    protected static void navigate(String path) {
        UI.getCurrent().navigate(path);
    }

    /** The path the browser's address bar would show, without the leading slash. */
    protected static String currentPath() {
        return UI.getCurrent().getActiveViewLocation().getPath();
    }

    /** The landing view's greeting, as the user reads it. */
    protected static String greetingText() {
        return _get(H2.class, spec -> spec.withId("greeting")).getText();
    }

    /** The landing view's line naming the user's role. */
    protected static String roleText() {
        return _get(Paragraph.class, spec -> spec.withId("role")).getText();
    }

    protected static void submitLogin(String username, String password) {
        LoginFormKt._login(_get(LoginForm.class), username, password);
    }

    protected static void signIn(String username) {
        submitLogin(username, TestAccounts.PASSWORD);
    }
}
