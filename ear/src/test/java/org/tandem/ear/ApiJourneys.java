package org.tandem.ear;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API of a whole node over HTTP, run by {@link TandemNodeIT}: what a reseller's and a
 * tenant's programs do, the problem documents of what they get wrong, and the probes of other
 * resellers' and tenants' ids. Tokens are written into the database as the portal's token page
 * writes them (a SHA-256 of the secret), since the page itself is tested in the portal module.
 */
final class ApiJourneys {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String PROBLEM = "application/problem+json";

    private ApiJourneys() {
    }

    private static URI api(String path) {
        return URI.create("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/api/" + path);
    }

    static HttpResponse<String> send(String method, String path, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null, null);
    }

    static HttpResponse<String> postJson(String path, String token, String json) throws Exception {
        return send("POST", path, token, "application/json", json);
    }

    /** A token of the reseller of {@code resellerOf}'s tenant or of that tenant, as the token page makes one. */
    static String tokenOfResellerOf(String domain) throws Exception {
        return token("RESELLER_ADMIN", "(select reseller_id from tenant where sip_domain = ?)", "null", domain);
    }

    static String tokenOfTenant(String domain) throws Exception {
        return token("TENANT_ADMIN", "null", "(select id from tenant where sip_domain = ?)", domain);
    }

    private static String token(String role, String reseller, String tenant, String domain) throws Exception {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        NodeDatabase.execute("insert into api_token (id, label, secret_sha256, role, reseller_id, tenant_id, created_at) "
                + "values (?, 'it', ?, ?, " + reseller + ", " + tenant + ", ?)", id, hash, role, domain, OffsetDateTime.now());
        return "tdm_" + id + "_" + secret;
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"title\":");
    }

    static void theOpenApiDocumentIsServedWithoutAToken() throws Exception {
        HttpResponse<String> response = get("openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\": \"3.1.0\"").contains("/tenants/{tenantId}/extensions");
    }

    static void withoutALiveTokenEveryCallIs401() throws Exception {
        HttpResponse<String> none = get("customers", null);
        assertProblem(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertProblem(get("customers", "tdm_" + UUID.randomUUID() + "_" + "x".repeat(43)), 401);
        assertProblem(get("customers", "not even a token"), 401);
    }

    static void aResellerOnboardsAndTheCustomerCreatesAnExtensionThroughTheApi() throws Exception {
        String reseller = tokenOfResellerOf("acme.tandem.test");
        String domain = NodeDatabase.unique("api") + ".tandem.test";
        String admin = NodeDatabase.unique("admin@api");

        HttpResponse<String> refused = postJson("customers", reseller, "{\"companyName\":\"API Co\",\"sipDomain\":\"bad_domain\","
                + "\"adminUsername\":\"" + admin + "\",\"adminPassword\":\"weak\",\"maxExtensions\":5,\"maxConcurrentCalls\":5,"
                + "\"maxCallsPerSecond\":5}");
        assertProblem(refused, 422);
        assertThat(refused.body()).contains("\"type\":\"/api/problems/invalid-input\"")
                .contains("\"adminPassword\":\"Password must be at least 12 characters long\"")
                .contains("\"sipDomain\":");
        assertProblem(postJson("customers", reseller, "{not json"), 400);

        HttpResponse<String> created = postJson("customers", reseller, "{\"companyName\":\"API Co\",\"sipDomain\":\"" + domain
                + "\",\"adminUsername\":\"" + admin + "\",\"adminPassword\":\"River-Stone-88-Paths\",\"maxExtensions\":1,"
                + "\"maxConcurrentCalls\":5,\"maxCallsPerSecond\":5}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID tenant = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(created.body()).contains("\"sipDomain\":\"" + domain + "\"").contains("\"name\":\"_sip._udp." + domain + ".\"")
                .contains("\"type\":\"SRV\"");
        assertThat(get("customers/" + tenant, reseller).statusCode()).isEqualTo(200);
        assertThat(get("customers?search=" + domain, reseller).body()).contains(domain);
        assertProblem(postJson("customers", reseller, "{\"companyName\":\"Again\",\"sipDomain\":\""
                + domain + "\",\"adminUsername\":\"" + NodeDatabase.unique("other@api") + "\",\"adminPassword\":\"River-Stone-88-Paths\",\"maxExtensions\":1,"
                + "\"maxConcurrentCalls\":5,\"maxCallsPerSecond\":5}"), 422);

        String customer = tokenOfTenant(domain);
        HttpResponse<String> extension = postJson("tenants/" + tenant + "/extensions", customer,
                "{\"number\":\"301\",\"displayName\":\"API Phone\"}");
        assertThat(extension.statusCode()).as(extension.body()).isEqualTo(201);
        assertThat(field(extension.body(), "sipPassword")).hasSize(20);
        HttpResponse<String> again = postJson("tenants/" + tenant + "/extensions", customer,
                "{\"number\":\"301\",\"displayName\":\"Again\"}");
        assertProblem(again, 422);
        assertThat(again.body()).contains("\"number\":\"Extension 301 already exists\"");
        HttpResponse<String> full = postJson("tenants/" + tenant + "/extensions", customer,
                "{\"number\":\"302\",\"displayName\":\"Over the plan\"}");
        assertProblem(full, 409);
        assertThat(full.body()).contains("\"type\":\"/api/problems/over-plan\"").contains("The plan allows 1 extensions");
        assertThat(get("tenants/" + tenant + "/extensions", customer).body()).contains("\"displayName\":\"API Phone\"");
        assertThat(get("tenants/" + tenant + "/registrations", customer).body()).isEqualTo("[]");
        NodeDatabase.execute("insert into registration (id, node_id, tenant_id, extension_number, contact_uri, flow, call_id, "
                + "cseq, registered_at, expires_at) select ?, id, ?, '301', 'sip:301@127.0.0.1:5099', 'udp:127.0.0.1:5099', "
                + "'api-call-id', 1, now(), now() + interval '1 hour' from node limit 1", UUID.randomUUID(), tenant);
        assertThat(get("tenants/" + tenant + "/registrations", customer).body())
                .contains("\"contact\":\"sip:301@127.0.0.1:5099\"").contains("\"displayName\":\"API Phone\"")
                .containsPattern("\"expiresAt\":\"20[0-9-]+T[0-9:.]+Z\"");
        assertProblem(get("customers", customer), 403);

        HttpResponse<String> group = postJson("tenants/" + tenant + "/ring-groups", customer,
                "{\"number\":\"600\",\"name\":\"Sales\",\"strategy\":\"SEQUENTIAL\",\"members\":[\"301\"]}");
        assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
        assertThat(group.body()).contains("\"members\":[\"301\"]").contains("\"memberTimeoutSeconds\":20");
        HttpResponse<String> clash = postJson("tenants/" + tenant + "/ring-groups", customer,
                "{\"number\":\"301\",\"name\":\"Clash\",\"members\":[\"301\"]}");
        assertProblem(clash, 422);
        assertThat(clash.body()).contains("\"number\":\"Number 301 is already an extension\"");
    }

    static void tokensReachNothingOfOtherResellersOrTenants(String otherDomain) throws Exception {
        UUID acme = UUID.fromString(NodeDatabase.single("select id::text from tenant where sip_domain = 'acme.tandem.test'"));
        String otherReseller = tokenOfResellerOf(otherDomain);
        String otherTenant = tokenOfTenant(otherDomain);

        for (String path : new String[]{"customers/" + acme, "tenants/" + acme + "/extensions",
                "tenants/" + acme + "/registrations", "customers/" + UUID.randomUUID()}) {
            HttpResponse<String> response = get(path, otherReseller);
            assertProblem(response, 404);
            assertThat(response.body()).contains("\"detail\":\"No such customer\"");
            assertProblem(get(path.startsWith("customers/") ? "tenants/" + acme + "/extensions" : path, otherTenant), 404);
        }
        assertProblem(postJson("customers/" + acme + "/suspend", otherReseller, null), 404);
        assertProblem(postJson("tenants/" + acme + "/extensions", otherTenant, "{\"number\":\"999\",\"displayName\":\"Planted\"}"), 404);
        assertThat(get("customers", otherReseller).body()).doesNotContain("acme.tandem.test");
        assertThat(NodeDatabase.single("select status from tenant where id = ?", acme)).isEqualTo("ACTIVE");
        assertThat(NodeDatabase.single("select count(*) from extension where tenant_id = ? and number = '999'", acme)).isEqualTo("0");
    }
}
