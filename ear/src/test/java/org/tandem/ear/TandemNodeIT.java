package org.tandem.ear;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
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
 * page in a real browser, and a server log free of errors.
 */
@ExtendWith(ArquillianExtension.class)
class TandemNodeIT {

    // The client-side tests' view of the node; the failsafe plugin passes these, the server has none.
    private static int sipPort() {
        return Integer.getInteger("it.sip.port");
    }

    @Deployment
    static EnterpriseArchive deployment() {
        return TandemEar.withInServerTests(TandemNodeIT.class);
    }

    @Resource(lookup = "java:jboss/datasources/TandemDS")
    DataSource dataSource;

    @Inject
    PortalAccountRepository accounts;

    @Test
    void theNodeDatabaseIsPostgreSql18AtTheLatestSchema() throws SQLException {
        assertThat(single("show server_version")).startsWith("18.");
        assertThat(single("select max(version::int) from flyway_schema_history where success")).isEqualTo("50");
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
        Sipp register = Sipp.start(scenario("register_auth.xml"), demoPhone("101"), "-auth_uri", DEMO_DOMAIN, "-m", "1");
        assertThat(register.exitCode()).as("sipp: REGISTER, 401, REGISTER with MD5 digest, 200 listing the contact\n"
                + register.output()).isZero();
    }

    @Test
    @RunAsClient
    void twoDemoPhonesCallEachOtherThroughTheNodeAndTheCallIsRecorded() throws Exception {
        Sipp phone = Sipp.start(scenario("call/phone_register.xml"), demoPhone("102"), "-auth_uri", DEMO_DOMAIN,
                "-oocsf", scenario("call/phone_answers.xml"), "-d", "20000", "-m", "1");
        try {
            awaitCount("select count(*) from registration where extension_number = '102'", 1);
            Sipp caller = Sipp.start(scenario("call/caller_bye.xml"), demoPhone("101") + ";102",
                    "-auth_uri", "102@" + DEMO_DOMAIN, "-m", "1");
            assertThat(caller.exitCode()).as("sipp: INVITE, 407, INVITE with digest, 180, 200, ACK, BYE, 200\n"
                    + caller.output()).isZero();
            awaitCount("select count(*) from call_record where caller = '101' and callee = '102' "
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
        assertThat(response.body()).contains("<title>Tandem</title>");
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
        assertThat(dom).contains("<vaadin-login-form").contains("Tandem");
    }

    @Test
    @RunAsClient
    void theServerLogHasNoErrorAndNoStackTrace() throws IOException {
        List<String> wholeLog = Files.readAllLines(Path.of(System.getProperty("it.base.dir"), "log", "server.log"));
        // the log folder outlives a run unless cleaned: judge this boot only (WFLYSRV0049: server starting)
        int boot = 0;
        for (int i = 0; i < wholeLog.size(); i++) {
            if (wholeLog.get(i).contains("WFLYSRV0049")) {
                boot = i;
            }
        }
        List<String> log = wholeLog.subList(boot, wholeLog.size());
        assertThat(log).anyMatch(line -> line.contains("Deployed \"tandem.ear\""));
        assertThat(log).noneMatch(line -> line.contains(" ERROR "))
                .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"));
    }

    private static final String DEMO_DOMAIN = "acme.tandem.test";

    /** An injection-file line for a demo extension with the SIP password the README lists. */
    private static String demoPhone(String number) {
        return number + ";" + DEMO_DOMAIN + ";[authentication username=" + number + " password=acme-" + number + "-secret]";
    }

    private static String scenario(String name) {
        return Path.of(System.getProperty("it.sipp.scenarios"), name).toString();
    }

    /** Polls the node's database from outside (as an operator's psql would) until the count is reached. */
    private static void awaitCount(String query, int atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int count = 0;
        while (System.nanoTime() < deadline) {
            try (Connection connection = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + Integer.getInteger("it.db.port") + "/tandem", "tandem", "tandem");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(query)) {
                rows.next();
                count = rows.getInt(1);
            }
            if (count >= atLeast) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(count).as(query).isGreaterThanOrEqualTo(atLeast);
    }

    /** A SIPp phone on its own free UDP port, reading one injection line. */
    private record Sipp(Process process, Path log) {

        static Sipp start(String scenario, String injectionLine, String... arguments) throws IOException {
            Path injection = Files.createTempFile("tandem-phone", ".csv");
            Files.writeString(injection, "SEQUENTIAL\n" + injectionLine + "\n");
            Path output = Files.createTempFile("tandem-sipp", ".log");
            List<String> command = new java.util.ArrayList<>(List.of("sipp", "127.0.0.1:" + sipPort(), "-sf", scenario,
                    "-inf", injection.toString(), "-t", "u1", "-i", "127.0.0.1", "-p", Integer.toString(freeUdpPort()),
                    "-timeout", "30s", "-timeout_error", "-nostdin"));
            command.addAll(List.of(arguments));
            return new Sipp(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start(),
                    output);
        }

        int exitCode() throws InterruptedException {
            assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("sipp finished").isTrue();
            return process.exitValue();
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
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
