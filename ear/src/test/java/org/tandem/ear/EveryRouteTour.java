package org.tandem.ear;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the portal, loaded straight from its address as each role, and every dialog its
 * buttons open, in a real chromium: no console error and no {@code vaadin-*} element without its
 * definition (a production bundle lacking a component for a route shows as exactly that). One
 * browser per role; each route is a fresh page load. The routes are listed here, and the list is
 * checked against the portal's {@code @Route} classes so a new view cannot be left out.
 */
final class EveryRouteTour {

    /** Buttons that act at once and open nothing, left alone so the tour changes no data. */
    private static final Set<String> NOT_CLICKED = Set.of("Resume", "Mark read", "Save settings", "Play");

    /** A view class's simple name, and the address it is opened at ({@code {tenant}}: Acme's id). */
    private record Route(String view, String path) {
    }

    private static final String TENANT = "tenants/{tenant}/";
    private static final List<Route> CUSTOMER_PAGES = List.of(new Route("CustomersView", "customers"),
            new Route("OnboardingView", "customers/new"), new Route("CustomerView", "customers/{tenant}"));
    private static final List<Route> TENANT_PAGES = List.of(new Route("ExtensionsView", TENANT + "extensions"),
            new Route("RingGroupsView", TENANT + "ring-groups"), new Route("VoicemailView", TENANT + "voicemail"),
            new Route("RegistrationsView", TENANT + "registrations"),
            new Route("ActiveCallsView", TENANT + "active-calls"), new Route("CallHistoryView", TENANT + "calls"),
            new Route("PromptLanguageView", TENANT + "prompt-language"));
    private static final Route HOME = new Route("HomeView", "home");
    private static final Route PASSWORD = new Route("ChangePasswordView", "account/password");
    private static final Route API_TOKENS = new Route("ApiTokensView", "api-tokens");
    private static final Route ABOUT = new Route("AboutView", "about");

    /** Login (README's demo logins) and the routes that role may open. */
    private static final Map<String, List<Route>> ROUTES_BY_LOGIN = new LinkedHashMap<>();

    static {
        ROUTES_BY_LOGIN.put("operator:tandem-operator", concat(List.of(HOME, new Route("ClusterView", "cluster"), PASSWORD, ABOUT),
                CUSTOMER_PAGES, TENANT_PAGES));
        ROUTES_BY_LOGIN.put("reseller:tandem-reseller", concat(List.of(HOME, API_TOKENS, PASSWORD, ABOUT), CUSTOMER_PAGES, TENANT_PAGES));
        ROUTES_BY_LOGIN.put("admin@acme:tandem-admin", concat(List.of(HOME, API_TOKENS, PASSWORD, ABOUT), TENANT_PAGES));
        ROUTES_BY_LOGIN.put("alice@acme:tandem-alice", List.of(HOME, new Route("OwnExtensionView", "my-phone"),
                new Route("OwnVoicemailView", "my-voicemail"), PASSWORD, ABOUT));
    }

    private EveryRouteTour() {
    }

    @SafeVarargs
    private static List<Route> concat(List<Route>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    /** The classes of the portal's sources that carry {@code @Route}, by simple name. */
    static Set<String> routeClassesOfThePortal() throws IOException {
        Path sources = Path.of(System.getProperty("it.portal.sources"));
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        try {
                            return Files.readString(file).lines().anyMatch(line -> line.startsWith("@Route("));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(file -> file.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static void everyViewIsToured() throws IOException {
        Set<String> toured = ROUTES_BY_LOGIN.values().stream().flatMap(List::stream).map(Route::view)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(toured).as("the views toured, against the portal's @Route classes").isEqualTo(routeClassesOfThePortal());
    }

    /** Tours every route of every role; returns nothing, fails with every problem found at once. */
    static void tour(String base) throws SQLException {
        String acme = NodeDatabase.single("select id::text from tenant where sip_domain = 'acme.tandem.test'");
        List<String> problems = new ArrayList<>();
        try (Browser browser = new Browser(base)) {
            // the sign-in page is plain HTML, outside Vaadin
            browser.open("login");
            browser.element("username");
            check(browser, "signed out", "login", problems);
        }
        ROUTES_BY_LOGIN.forEach((login, routes) -> {
            String[] credentials = login.split(":", 2);
            try (Browser browser = new Browser(base)) {
                browser.signIn(credentials[0], credentials[1]);
                browser.consoleErrors();
                for (Route route : routes) {
                    String path = route.path().replace("{tenant}", acme);
                    browser.open(path);
                    browser.awaitVaadinIdle();
                    check(browser, credentials[0], path, problems);
                    for (String label : browser.contentButtonLabels()) {
                        if (NOT_CLICKED.contains(label)) {
                            continue;
                        }
                        browser.clickButtonLabelled(label);
                        browser.awaitVaadinIdle();
                        // checked whatever opened: a dialog whose component is undefined opens no overlay
                        check(browser, credentials[0], path + " after \"" + label + "\" (dialogs open: "
                                + browser.openDialogs() + ")", problems);
                        browser.closeDialogs();
                        if (!browser.path().equals(path)) {
                            browser.open(path);
                            browser.awaitVaadinIdle();
                        }
                    }
                }
            }
        });
        assertThat(problems).as("console errors and undefined vaadin elements on fresh loads").isEmpty();
    }

    private static void check(Browser browser, String who, String where, List<String> problems) {
        browser.undefinedVaadinElements().forEach(tag -> problems.add(who + " at " + where + ": <" + tag + "> is not defined"));
        browser.consoleErrors().forEach(error -> problems.add(who + " at " + where + ": console error " + error));
    }
}
