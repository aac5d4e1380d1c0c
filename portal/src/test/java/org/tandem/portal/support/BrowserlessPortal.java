package org.tandem.portal.support;

import org.tandem.administration.account.AccountService;
import org.tandem.administration.apitoken.ApiTokenService;
import org.tandem.administration.calls.ActiveCallService;
import org.tandem.administration.calls.CallHistoryService;
import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.extension.ExtensionService;
import org.tandem.administration.operator.ClusterMembershipService;
import org.tandem.administration.operator.ClusterService;
import org.tandem.administration.ownextension.OwnExtensionService;
import org.tandem.administration.prompts.PromptLanguageService;
import org.tandem.administration.voicemail.VoicemailService;
import org.tandem.administration.registration.RegistrationService;
import org.tandem.administration.ringgroup.RingGroupService;
import org.tandem.administration.support.NodeServices;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.account.RevokedLoginFeed;
import org.tandem.domain.tenant.TenantRepository;
import org.tandem.portal.security.ClientAddress;
import org.tandem.portal.security.SignIn;
import org.tandem.portal.security.SignedInSessions;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The whole portal (every route under {@code org.tandem.portal}, the access guard, the security
 * beans) running in the test's own thread through Karibu-Testing: no server, no browser. Views are
 * built by {@link HandWiredInstantiator} from the beans the test gives.
 */
public final class BrowserlessPortal {

    private static final String PORTAL_PACKAGE = "org.tandem.portal";

    private BrowserlessPortal() {
    }

    /** Starts a fresh session and UI, which opens the portal's root like a browser would. */
    public static void start(Map<Class<?>, Object> beans) {
        Routes routes = new Routes().autoDiscoverViews(PORTAL_PACKAGE);
        MockVaadin.setup(MockedUI::new, new Servlet(routes, beans));
    }

    /** Starts the portal of a node whose services are {@code node}. */
    public static void start(NodeServices node) {
        start(Map.ofEntries(
                Map.entry(PortalAccountRepository.class, node.accounts),
                Map.entry(TenantRepository.class, node.tenants),
                Map.entry(CustomerService.class, node.customers),
                Map.entry(ExtensionService.class, node.extensions),
                Map.entry(RegistrationService.class, node.registrations),
                Map.entry(ApiTokenService.class, node.apiTokens),
                Map.entry(CallHistoryService.class, node.calls),
                Map.entry(ClusterService.class, node.cluster),
                Map.entry(ClusterMembershipService.class, node.membership),
                Map.entry(RingGroupService.class, node.ringGroups),
                Map.entry(ActiveCallService.class, node.activeCalls),
                Map.entry(AccountService.class, node.ownAccount),
                Map.entry(OwnExtensionService.class, node.ownExtension),
                Map.entry(PromptLanguageService.class, node.promptLanguages),
                Map.entry(VoicemailService.class, node.voicemail),
                Map.entry(RevokedLoginFeed.class, node.revokedLogins)));
    }

    /**
     * Signs in by the sign-in page's rules ({@link SignIn}) and, as the page does on success, makes the
     * browser's session signed in and goes on to the landing view.
     */
    public static SignIn.Outcome signIn(String username, String password) {
        VaadinService service = VaadinService.getCurrent();
        SignIn.Outcome outcome = service.getInstantiator().getOrCreate(SignIn.class).attempt(username,
                password.toCharArray(), ClientAddress.of(VaadinServletRequest.getCurrent().getHttpServletRequest()));
        if (outcome instanceof SignIn.SignedIn signedIn) {
            service.getInstantiator().getOrCreate(SignedInSessions.class).signedIn(
                    ((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession(), signedIn.user());
            UI.getCurrent().navigate("home");
        }
        return outcome;
    }

    public static void stop() {
        // each test's portal is its own application: its feed of revoked logins must not outlive it
        VaadinService.getCurrent().getInstantiator().getOrCreate(SignedInSessions.class).stop();
        MockVaadin.tearDown();
    }

    /** Runs what the server pushed (Karibu's stand-in for the browser) until {@code done}, for up to {@code within}. */
    public static void awaitPush(BooleanSupplier done, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            MockVaadin.clientRoundtrip();
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private static final class Servlet extends MockVaadinServlet {

        private final transient Map<Class<?>, Object> beans;

        Servlet(Routes routes, Map<Class<?>, Object> beans) {
            super(routes);
            this.beans = beans;
        }

        @Override
        protected VaadinServletService createServletService(DeploymentConfiguration configuration)
                throws ServiceException {
            VaadinServletService service = new MockService(this, configuration, getUiFactory()) {
                @Override
                protected Instantiator createInstantiator() {
                    return new HandWiredInstantiator(this, beans);
                }
            };
            service.init();
            getRoutes().register((VaadinServletContext) service.getContext());
            return service;
        }
    }
}
