package org.tandem.ear;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.account.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Tandem node in the managed WildFly, deployed once from the EAR exactly as built (plus a module
 * holding these tests). From inside: the persistence unit, datasource and CDI wiring work, and the
 * start-up brought the embedded PostgreSQL 18 to the latest schema with the demo seeded. From
 * outside, as phones and browsers meet it: SIP OPTIONS over UDP and TCP, demo phones (SIPp)
 * registering with digest authentication and calling each other with the call recorded, the login
 * page in a real browser, the portal's journeys in a real browser ({@link PortalJourneys}), and a
 * server log free of errors after all of them.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TandemNodeIT {

    /** Runs after every other test, so the log it reads holds what they all did. */
    private static final int LAST = Integer.MAX_VALUE;

    private static PortalJourneys journeys;

    // The client-side tests' view of the node; the failsafe plugin passes these, the server has none.
    private static int sipPort() {
        return SippPhone.sipPort();
    }

    @Deployment
    static EnterpriseArchive deployment() {
        // the client-side helpers travel along: the server loads this class, which names them
        return TandemEar.withInServerTests(TandemNodeIT.class, SippPhone.class, NodeDatabase.class,
                PortalJourneys.class, Browser.class, EmptyNode.class, EveryRouteTour.class);
    }

    @Resource(lookup = "java:jboss/datasources/TandemDS")
    DataSource dataSource;

    @Inject
    PortalAccountRepository accounts;

    @Test
    void theNodeDatabaseIsPostgreSql18AtTheLatestSchema() throws SQLException {
        assertThat(single("show server_version")).startsWith("18.");
        assertThat(single("select count(*) from flyway_schema_history where not success")).isEqualTo("0");
        assertThat(single("select count(*) from flyway_schema_history where success and version::int <= 4"))
                .as("the first four migrations at least").isEqualTo("4");
        assertThat(single("show wal_level")).isEqualTo("logical");
    }

    @Test
    void theDemoTenantHasFiveExtensionsOnAPoolOfThisNode() throws SQLException {
        assertThat(single("select count(*) from extension e join tenant t on t.id = e.tenant_id "
                + "where t.sip_domain = 'acme.tandem.test'")).isEqualTo("5");
        assertThat(single("select n.name from pool p join node n on n.id = p.primary_node_id "
                + "join tenant t on t.pool_id = p.id where t.sip_domain = 'acme.tandem.test'")).isEqualTo("node1");
    }

    @Test
    void thePersistenceUnitServesTheDomainThroughCdi() {
        PortalAccount operator = accounts.findByUsername("operator").orElseThrow();
        assertThat(operator.role()).isEqualTo(Role.OPERATOR);
        assertThat(operator.canSignIn("tandem-operator".toCharArray())).isTrue();
        assertThat(operator.canSignIn("wrong".toCharArray())).isFalse();
    }

    private String single(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            assertThat(rows.next()).as("a row for: " + query).isTrue();
            return rows.getString(1);
        }
    }

    @Test
    @RunAsClient
    void answersSipOptionsOverUdp() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5_000);
            byte[] request = options("UDP", socket.getLocalPort()).getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), sipPort()));
            DatagramPacket response = new DatagramPacket(new byte[8192], 8192);
            socket.receive(response);
            String text = new String(response.getData(), 0, response.getLength(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("SIP/2.0 200 OK").containsPattern("(?mi)^Allow:.*OPTIONS");
        }
    }

    @Test
    @RunAsClient
    void answersSipOptionsOverTcp() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), sipPort()), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(options("TCP", socket.getLocalPort()).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read = in.read(buffer);
            assertThat(new String(buffer, 0, read, StandardCharsets.UTF_8)).startsWith("SIP/2.0 200 OK");
        }
    }

    @Test
    @RunAsClient
    void aDemoPhoneRegistersWithTheCredentialsTheReadmeLists() throws Exception {
        SippPhone register = SippPhone.start("register_auth.xml", SippPhone.demo("101"),
                "-auth_uri", SippPhone.DEMO_DOMAIN);
        assertThat(register.exitCode()).as("sipp: REGISTER, 401, REGISTER with MD5 digest, 200 listing the contact\n"
                + register.output()).isZero();
    }

    @Test
    @RunAsClient
    void twoDemoPhonesCallEachOtherThroughTheNodeAndTheCallIsRecorded() throws Exception {
        SippPhone phone = SippPhone.start("call/phone_register.xml", SippPhone.demo("102"),
                "-auth_uri", SippPhone.DEMO_DOMAIN, "-oocsf", SippPhone.scenario("call/phone_answers.xml"), "-d", "20000");
        try {
            NodeDatabase.awaitCount("select count(*) from registration where extension_number = '102'", 1);
            SippPhone caller = SippPhone.start("call/caller_bye.xml", SippPhone.demo("101") + ";102",
                    "-auth_uri", "102@" + SippPhone.DEMO_DOMAIN);
            assertThat(caller.exitCode()).as("sipp: INVITE, 407, INVITE with digest, 180, 200, ACK, BYE, 200\n"
                    + caller.output()).isZero();
            NodeDatabase.awaitCount("select count(*) from call_record where caller = '101' and callee = '102' "
                    + "and disposition = 'ANSWERED' and sip_cause = 200", 1);
        } finally {
            phone.stop();
        }
    }

    @Test
    @RunAsClient
    void servesTheLoginPageAtTheRoot() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(portal()).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.uri().getPath()).isEqualTo("/login");
        assertThat(response.body()).contains("<title>Sign in | Tandem</title>");
    }

    @Test
    @RunAsClient
    void servesItsMetricsInPrometheusTextToTheNodeItself() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(portal().resolve("metrics"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(response.body().lines()).contains("tandem_up{node=\"node1\"} 1", "tandem_node_up{node=\"node1\"} 1",
                "tandem_node_sip_up{node=\"node1\"} 1", "tandem_node_database_reachable{node=\"node1\"} 1",
                "# TYPE tandem_replication_lag_bytes gauge");
        assertThat(response.body()).containsPattern("(?m)^tandem_registrations\\{node=\"node1\"\\} [0-9]+$")
                .containsPattern("(?m)^tandem_active_calls\\{node=\"node1\"\\} [0-9]+$");
    }

    @Test
    @RunAsClient
    void aRealBrowserRendersTheLoginForm() throws Exception {
        Path profile = Files.createTempDirectory("tandem-chromium");
        Process chromium = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--virtual-time-budget=15000", "--dump-dom", portal().toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(dom).contains("<form method=\"post\" action=\"login\" id=\"sign-in-form\">").contains("<h1>Tandem</h1>");
    }

    // One deployment for all: a second one would restart the node's embedded PostgreSQL, and the
    // pool's warnings about the connections that broke would hide whether the product logged any.

    @Test
    @RunAsClient
    void portalAResellerOnboardsACustomerWhosePhoneShowsUpLiveAndIsRefusedOnceSuspended() throws Exception {
        journeys().aResellerOnboardsACustomerWhosePhoneShowsUpLiveAndIsRefusedOnceSuspended();
    }

    @Test
    @RunAsClient
    void portalABrowserOfARemovedLoginIsSignedOutAtOnce() throws Exception {
        journeys().aBrowserOfARemovedLoginIsSignedOutAtOnce();
    }

    @Test
    @RunAsClient
    void portalATenantAdminSeesACallRingBeAnsweredAndEndWithoutAReload() throws Exception {
        journeys().aTenantAdminSeesACallRingBeAnsweredAndEndWithoutAReload();
    }

    @Test
    @RunAsClient
    void portalATenantUserSeesTheirOwnPhoneAndNoAdminPage() throws Exception {
        journeys().aTenantUserSeesTheirOwnPhoneAndNoAdminPage();
    }

    @Test
    @RunAsClient
    void portalATenantAdminEditingIdsInTheUrlReachesNoOtherTenant() throws Exception {
        journeys().aTenantAdminEditingIdsInTheUrlReachesNoOtherTenant();
    }

    @Test
    @RunAsClient
    void portalAResellerEditingIdsInTheUrlReachesNoOtherResellersCustomer() throws Exception {
        journeys().aResellerEditingIdsInTheUrlReachesNoOtherResellersCustomer();
    }

    @Test
    @RunAsClient
    void portalTheOperatorSeesThePoolsAndNodes() throws Exception {
        journeys().theOperatorSeesThePoolsAndNodes();
    }

    /**
     * The portal's pages work under the node's Content-Security-Policy: a tenant admin's pages (a grid,
     * a chart, live push) render, and the browser's console shows no refusal and no error.
     */
    @Test
    @RunAsClient
    void portalPagesRunUnderTheContentSecurityPolicyWithoutAConsoleError() throws Exception {
        String acme = NodeDatabase.single("select id::text from tenant where sip_domain = 'acme.tandem.test'");
        try (Browser browser = new Browser(portal().toString())) {
            browser.signIn("admin@acme", "tandem-admin");
            browser.open("tenants/" + acme + "/extensions");
            assertThat(browser.gridText("extensions")).contains("Alice Archer");
            for (String[] page : new String[][]{{"ring-groups", "ring-groups"}, {"calls", "calls-summary"},
                    {"active-calls", "active-call-count"}, {"registrations", "registration-count"}}) {
                browser.open("tenants/" + acme + "/" + page[0]);
                browser.element(page[1]);
            }
            browser.open("account/password");
            browser.element("current-password");

            // the portal has no favicon: the browser's own request for one is the 404 it reports
            assertThat(browser.consoleMessages()).filteredOn(message -> !message.contains("/favicon.ico "))
                    .noneMatch(message -> message.startsWith("SEVERE"))
                    .noneMatch(message -> message.contains("Content Security Policy"));
        }
    }

    /**
     * Every route as every role, each loaded fresh from its address, and every dialog its buttons open:
     * no console error, no undefined {@code vaadin-*} element.
     */
    @Test
    @RunAsClient
    void portalEveryRouteAndDialogWorksOnAFreshLoadForEveryRole() throws Exception {
        EveryRouteTour.everyViewIsToured();
        long start = System.nanoTime();
        EveryRouteTour.tour(portal().toString());
        System.out.printf("The tour of every route took %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
    }

    /** Last but one: the node is in a cluster for a moment, and the other journeys expect it alone. */
    @Test
    @RunAsClient
    @Order(LAST - 1)
    void portalTheOperatorAddsANodeAndRemovesItAgain() throws Exception {
        journeys().theOperatorAddsANodeAndRemovesItAgain();
    }

    private static synchronized PortalJourneys journeys() throws SQLException {
        if (journeys == null) {
            journeys = PortalJourneys.withAnotherReseller();
        }
        return journeys;
    }

    @Test
    @RunAsClient
    @Order(LAST)
    void theServerLogHasNoErrorAndNoStackTrace() throws IOException {
        List<String> wholeLog = Files.readAllLines(Path.of(System.getProperty("it.base.dir"), "log", "server.log"));
        // the log folder outlives a run unless cleaned: judge this boot only (WFLYSRV0049: server starting)
        int boot = 0;
        for (int i = 0; i < wholeLog.size(); i++) {
            if (wholeLog.get(i).contains("WFLYSRV0049")) {
                boot = i;
            }
        }
        List<String> log = withoutToleratedRecords(wholeLog.subList(boot, wholeLog.size()));
        assertThat(log).anyMatch(line -> line.contains("Deployed \"tandem.ear\""));
        assertThat(log).noneMatch(line -> line.contains(" ERROR "))
                .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"));
    }

    /**
     * The log less the records (first line and its stack trace) of the one upstream message tolerated:
     * Vaadin logs at ERROR when a browser sends a UI request again that already arrived (it resends
     * after a slow answer, as on this shared machine) and then resynchronises that UI by itself.
     * Operators still see it (docs/operations.md); the test does not fail on it.
     */
    private static List<String> withoutToleratedRecords(List<String> lines) {
        List<String> kept = new java.util.ArrayList<>();
        boolean skipping = false;
        for (String line : lines) {
            if (line.matches("^[0-9]{4}-[0-9]{2}-[0-9]{2} .*")) {
                skipping = line.contains(" ERROR [com.vaadin.flow.server.DefaultErrorHandler]")
                        && line.contains("Unexpected message id from the client");
            }
            if (!skipping) {
                kept.add(line);
            }
        }
        return kept;
    }


    private static URI portal() {
        return URI.create("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/");
    }

    private static String options(String transport, int localPort) {
        String branch = "z9hG4bK" + UUID.randomUUID();
        return "OPTIONS sip:127.0.0.1:" + sipPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=" + UUID.randomUUID() + "\r\n"
                + "To: <sip:127.0.0.1:" + sipPort() + ">\r\n"
                + "Call-ID: " + UUID.randomUUID() + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
