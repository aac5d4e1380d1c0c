package org.tandem.ear;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's sign-in page on a deployed node, as a crawler, an attacker and a person meet it over
 * plain HTTP: no anonymous request makes a server session (counted by the server itself, in its
 * management model), wrong passwords and paused addresses get the page's plain-words refusals, a form
 * posted from another site or naming another site to return to gets nowhere, and a right sign-in
 * makes one new session and lands on the page first asked for. Each test calls from a loopback
 * address of its own, so the password throttle of one never meets another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(FreshDatabaseConnections.class)
class PortalSignInIT {

    private static final String ADMIN = "admin@acme";
    private static final String ADMIN_PASSWORD = "tandem-admin";
    private static final String ORIGIN = "http://127.0.0.1:" + Integer.getInteger("it.http.port");

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemEar.asBuilt();
    }

    @Test
    void aFloodOfAnonymousRequestsMakesNoSession() throws Exception {
        HttpClient client = from("127.0.0.51");
        long before = activeSessions();
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> root = get(client, "/");
            assertThat(root.statusCode()).isEqualTo(303);
            assertThat(root.headers().firstValue("Location")).hasValue("/login");
            HttpResponse<String> deep = get(client, "/tenants/" + i + "/extensions?page=2");
            assertThat(deep.statusCode()).isEqualTo(303);
            assertThat(deep.headers().firstValue("Location")).hasValue("/login?continue=%2Ftenants%2F" + i
                    + "%2Fextensions%3Fpage%3D2");
            HttpResponse<String> page = get(client, "/login");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Sign in | Tandem</title>").doesNotContain("<script");
            assertThat(get(client, "/sign-in.css").headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/css"));
            assertThat(get(client, "/favicon.ico").statusCode()).isEqualTo(200);
            HttpResponse<String> vaadin = get(client, "/?v-r=heartbeat&v-uiId=0");
            assertThat(vaadin.statusCode()).isEqualTo(401);
            for (HttpResponse<String> response : List.of(root, deep, page, vaadin)) {
                assertThat(response.headers().allValues("Set-Cookie")).as(response.uri().toString()).isEmpty();
                assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
            }
        }
        assertThat(activeSessions()).as("sessions the portal holds").isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsRefusedInPlainWordsAndMakesNoSession() throws Exception {
        HttpClient client = from("127.0.0.52");
        long before = activeSessions();

        HttpResponse<String> refused = signIn(client, ADMIN, "not-the-password", "/home", ORIGIN);
        HttpResponse<String> unknown = signIn(client, "nobody@acme", ADMIN_PASSWORD, "/home", ORIGIN);

        for (HttpResponse<String> response : List.of(refused, unknown)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("role=\"alert\"", "Incorrect username or password",
                    "Check that you have entered the correct username and password and try again.");
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(refused.body()).contains("value=\"" + ADMIN + "\"");
        assertThat(unknown.body().replace("nobody@acme", ADMIN)).as("an unknown username reads as a wrong password")
                .isEqualTo(refused.body());
        assertThat(activeSessions()).isEqualTo(before);
    }

    @Test
    void anAddressThatKeepsGuessingIsPausedEvenForTheRightPassword() throws Exception {
        HttpClient client = from("127.0.0.53");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(client, ADMIN, "guess " + i, "/home", ORIGIN).statusCode()).isEqualTo(403);
        }

        HttpResponse<String> paused = signIn(client, ADMIN, ADMIN_PASSWORD, "/home", ORIGIN);

        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.body()).contains("Too many failed sign-ins from this address");
        assertThat(Integer.parseInt(paused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(paused.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(signIn(from("127.0.0.54"), ADMIN, ADMIN_PASSWORD, "/home", ORIGIN).statusCode())
                .as("the same login from another address").isEqualTo(303);
    }

    @Test
    void aSignInPostedFromAnotherSiteOrFromNoPageIsNotTried() throws Exception {
        HttpClient client = from("127.0.0.55");
        long before = activeSessions();

        for (String origin : new String[] {"http://evil.example", "null", null}) {
            HttpResponse<String> refused = signIn(client, ADMIN, ADMIN_PASSWORD, "/home", origin);
            assertThat(refused.statusCode()).as(String.valueOf(origin)).isEqualTo(403);
            assertThat(refused.body()).contains("This sign-in did not come from Tandem&#39;s sign-in page");
            assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(activeSessions()).isEqualTo(before);
    }

    @Test
    void aReturnPathToAnotherSiteLandsOnHomeInstead() throws Exception {
        HttpClient client = from("127.0.0.56");
        for (String hostile : new String[] {"//evil.example", "https://evil.example/", "/\\evil.example", "\\\\evil.example"}) {
            assertThat(get(client, "/login?continue=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8)).body())
                    .as(hostile).contains("name=\"continue\" value=\"/home\"");

            HttpResponse<String> signedIn = signIn(client, ADMIN, ADMIN_PASSWORD, hostile, ORIGIN);

            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().firstValue("Location")).as(hostile).hasValue("/home");
        }
    }

    @Test
    void aRightSignInMakesOneNewSessionAndLandsOnThePageFirstAskedFor() throws Exception {
        HttpClient client = from("127.0.0.57");
        String wanted = "/tenants/" + acme() + "/calls";
        String signInPage = get(client, wanted).headers().firstValue("Location").orElseThrow();
        assertThat(get(client, signInPage).body()).contains("name=\"continue\" value=\"" + wanted + "\"");
        long before = activeSessions();

        HttpResponse<String> signedIn = send(client, HttpRequest.newBuilder(URI.create(ORIGIN + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", ORIGIN)
                .header("Cookie", "JSESSIONID=planted-by-an-attacker")
                .POST(HttpRequest.BodyPublishers.ofString(form(ADMIN, ADMIN_PASSWORD, wanted))));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue(wanted);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("planted-by-an-attacker")
                .contains("HttpOnly").contains("SameSite=Lax");
        assertThat(activeSessions()).isEqualTo(before + 1);

        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> page = send(client, HttpRequest.newBuilder(URI.create(ORIGIN + wanted)).header("Cookie", session).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>");
        HttpResponse<String> again = send(client, HttpRequest.newBuilder(URI.create(ORIGIN + "/login?continue=%2Fhome"))
                .header("Cookie", session).GET());
        assertThat(again.statusCode()).as("a signed-in browser goes straight on").isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue("/home");
    }

    private long activeSessions() throws IOException {
        ModelNode read = Operations.createReadAttributeOperation(Operations.createAddress("deployment", "tandem.ear",
                "subdeployment", "portal.war", "subsystem", "undertow"), "active-sessions");
        ModelNode outcome = management.getControllerClient().execute(read);
        assertThat(Operations.isSuccessfulOutcome(outcome)).as(outcome.toString()).isTrue();
        return Operations.readResult(outcome).asLong();
    }

    private static String acme() throws SQLException {
        return NodeDatabase.single("select id::text from tenant where sip_domain = 'acme.tandem.test'");
    }

    private static HttpClient from(String address) throws IOException {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return send(client, HttpRequest.newBuilder(URI.create(ORIGIN + path)).GET());
    }

    private static HttpResponse<String> signIn(HttpClient client, String username, String password, String returnPath,
                                               String origin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ORIGIN + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(username, password, returnPath)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(client, request);
    }

    private static String form(String username, String password, String returnPath) {
        return Map.of("username", username, "password", password, "continue", returnPath).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
