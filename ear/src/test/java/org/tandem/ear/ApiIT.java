package org.tandem.ear;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tandem.domain.throttle.ThrottlePolicy;
import org.tandem.testsupport.database.PortalLoginRow;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API of a deployed node, from outside as a reseller's or tenant's script meets it: API
 * tokens made, used, revoked and expired; a reseller onboarding a customer whose admin creates an
 * extension that a SIPp phone then registers with; ring groups, call history and its CSV export, and
 * the usage a reseller sees; ids of other tenants and resellers refused as if they did not exist; bad input answered with the right problem document; a guessing address slowed
 * down. Each test calls from a loopback address of its own, so the throttle of one never meets another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(FreshDatabaseConnections.class)
class ApiIT {

    private static final String RESELLER = "reseller";
    private static final String RESELLER_PASSWORD = "tandem-reseller";
    private static final String ACME_ADMIN = "admin@acme";
    private static final String ACME_ADMIN_PASSWORD = "tandem-admin";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemEar.asBuilt();
    }

    @Test
    void aTokenIsMadeWithThePasswordUsedRevokedAndThenRefused() throws Exception {
        NodeApi anonymous = NodeApi.from("127.0.0.11");

        NodeApi.Answer noCredentials = anonymous.post("v1/tokens", "{\"name\": \"x\"}");
        assertProblem(noCredentials, 401, "urn:tandem:problem:unauthenticated");
        assertThat(noCredentials.headers("WWW-Authenticate")).containsExactly("Basic realm=\"tandem\", charset=\"UTF-8\"");
        assertProblem(anonymous.withPassword(RESELLER, "wrong-password").post("v1/tokens", "{\"name\": \"x\"}"),
                401, "urn:tandem:problem:unauthenticated");

        NodeApi.Answer made = anonymous.withPassword(RESELLER, RESELLER_PASSWORD).post("v1/tokens", "{\"name\": \"billing sync\"}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String secret = made.json().getString("secret");
        String id = made.json().getJsonObject("token").getString("id");
        assertThat(secret).matches("tdm_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
        assertThat(made.header("Location")).endsWith("/api/v1/tokens/" + id);
        assertThat(made.json().getJsonObject("token").getString("status")).isEqualTo("ACTIVE");

        NodeApi script = anonymous.withToken(secret);
        NodeApi.Answer me = script.get("v1/me");
        assertThat(me.json().getString("username")).isEqualTo(RESELLER);
        assertThat(me.json().getString("role")).isEqualTo("RESELLER_ADMIN");
        assertThat(me.json().getString("proof")).isEqualTo("TOKEN");
        NodeApi.Answer listed = script.get("v1/tokens/" + id);
        assertThat(listed.json().getString("owner")).isEqualTo(RESELLER);
        assertThat(Instant.parse(listed.json().getString("lastUsedAt"))).isAfter(Instant.now().minusSeconds(60));
        assertThat(listed.response().body()).doesNotContain(secret.substring(17));
        NodeApi.Answer tokenMakesToken = script.post("v1/tokens", "{\"name\": \"forever\"}");
        assertProblem(tokenMakesToken, 401, "urn:tandem:problem:unauthenticated");
        assertThat(tokenMakesToken.json().getString("detail")).contains("password");

        assertThat(script.delete("v1/tokens/" + id).status()).isEqualTo(204);

        NodeApi.Answer revoked = script.get("v1/me");
        assertProblem(revoked, 401, "urn:tandem:problem:unauthenticated");
        assertThat(revoked.json().getString("detail")).startsWith("The API token was revoked at");
        assertThat(revoked.header("WWW-Authenticate")).startsWith("Bearer realm=\"tandem\", error=\"invalid_token\"");
        assertThat(anonymous.withPassword(RESELLER, RESELLER_PASSWORD).get("v1/tokens/" + id).json().getString("status"))
                .isEqualTo("REVOKED");
    }

    @Test
    void anExpiredTokenIsRefusedAndSaysSo() throws Exception {
        NodeApi api = NodeApi.from("127.0.0.12");
        // far enough ahead that making the token (a PBKDF2 check of the password) ends before it, even on a busy machine
        Instant expiry = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        NodeApi.Answer made = api.withPassword(ACME_ADMIN, ACME_ADMIN_PASSWORD)
                .post("v1/tokens", "{\"name\": \"short-lived\", \"expiresAt\": \"" + expiry + "\"}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        NodeApi script = api.withToken(made.json().getString("secret"));
        assertThat(script.get("v1/me").status()).isEqualTo(200);

        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 500);

        NodeApi.Answer expired = script.get("v1/me");
        assertProblem(expired, 401, "urn:tandem:problem:unauthenticated");
        assertThat(expired.json().getString("detail")).isEqualTo("The API token expired at " + expiry);
        NodeApi.Answer pastExpiry = api.withPassword(ACME_ADMIN, ACME_ADMIN_PASSWORD)
                .post("v1/tokens", "{\"name\": \"late\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}");
        assertProblem(pastExpiry, 422, "urn:tandem:problem:invalid-input");
        assertThat(field(pastExpiry, "expiresAt")).contains("future");
    }

    @Test
    void aResellerOnboardsACustomerWhoseAdminCreatesAnExtensionThatAPhoneRegistersWith() throws Exception {
        NodeApi api = NodeApi.from("127.0.0.13");
        NodeApi reseller = api.withToken(api.newToken(RESELLER, RESELLER_PASSWORD, "onboarding"));
        String domain = "initech" + suffix() + ".tandem.test";
        String adminName = "bill@" + domain;

        NodeApi.Answer onboarded = reseller.post("v1/customers", """
                {"companyName": "Initech", "sipDomain": "%s", "adminUsername": "%s", "adminPassword": "Lumbergh-TPS-2026",
                 "plan": {"maxExtensions": 10, "maxConcurrentCalls": 4, "maxCallsPerSecond": 2}}""".formatted(domain, adminName));
        assertThat(onboarded.status()).as(onboarded.toString()).isEqualTo(201);
        String customerId = onboarded.json().getString("id");
        assertThat(onboarded.header("Location")).endsWith("/api/v1/customers/" + customerId);
        assertThat(onboarded.json().getJsonArray("dnsRecords").getValuesAs(JsonObject.class))
                .extracting(record -> record.getString("zoneLine"))
                .contains("_sip._udp." + domain + ". 300 IN SRV 10 0 " + sipPort() + " node1." + domain + ".");
        assertThat(onboarded.json().getString("promptLanguage")).isEqualTo("en");
        assertThat(reseller.get("v1/customers?search=" + domain).json().getJsonArray("customers")).hasSize(1);

        NodeApi admin = api.withToken(api.newToken(adminName, "Lumbergh-TPS-2026", "phones"));
        assertThat(admin.get("v1/me").json().getString("tenantId")).isEqualTo(customerId);
        NodeApi.Answer created = admin.post("v1/tenants/" + customerId + "/extensions",
                "{\"number\": \"201\", \"displayName\": \"Peter Gibbons\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String password = created.json().getString("sipPassword");
        assertThat(created.json().getString("sipUser")).isEqualTo("201@" + domain);
        assertThat(password).hasSize(20);
        String pin = created.json().getString("voicemailPin");
        assertThat(pin).matches("[0-9]{6}");
        NodeApi.Answer mailbox = admin.get("v1/tenants/" + customerId + "/extensions/201/voicemail");
        assertThat(mailbox.status()).as(mailbox.toString()).isEqualTo(200);
        assertThat(mailbox.json().getBoolean("enabled")).as("a new extension's mailbox is on").isTrue();
        assertThat(mailbox.response().body()).as("the PIN is in the create answer only").doesNotContain(pin);
        NodeApi.Answer renewed = admin.post("v1/tenants/" + customerId + "/extensions/"
                + created.json().getJsonObject("extension").getString("id") + "/sip-password", "");
        assertThat(renewed.json().containsKey("voicemailPin")).as("a new SIP password leaves the PIN").isFalse();
        password = renewed.json().getString("sipPassword");

        assertThat(registerPhone("201", domain, password)).as("SIPp registers with the API's password").isZero();
        NodeApi.Answer phones = admin.get("v1/tenants/" + customerId + "/registrations");
        assertThat(phones.json().getJsonArray("registrations").getValuesAs(JsonObject.class))
                .extracting(phone -> phone.getString("extension"), phone -> phone.getString("displayName"),
                        phone -> phone.getString("userAgent"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("201", "Peter Gibbons", "SIPp"));
        NodeApi.Answer calls = admin.get("v1/tenants/" + customerId + "/active-calls");
        assertThat(calls.status()).as(calls.toString()).isEqualTo(200);
        assertThat(calls.json().getJsonArray("calls")).as("no call is up").isEmpty();

        assertThat(reseller.post("v1/customers/" + customerId + "/suspend", "").json().getString("status"))
                .isEqualTo("SUSPENDED");
        assertThat(registerPhone("201", domain, password)).as("a suspended customer's phone is refused").isNotZero();
        assertThat(reseller.post("v1/customers/" + customerId + "/resume", "").json().getString("status")).isEqualTo("ACTIVE");
        assertThat(registerPhone("201", domain, password)).isZero();

        NodeApi.Answer replanned = reseller.put("v1/customers/" + customerId + "/plan",
                "{\"maxExtensions\": 25, \"maxConcurrentCalls\": 6, \"maxCallsPerSecond\": 3}");
        assertThat(replanned.status()).as(replanned.toString()).isEqualTo(200);
        assertThat(replanned.json().getJsonObject("plan").getInt("maxExtensions")).isEqualTo(25);
        NodeApi.Answer tooSmall = reseller.put("v1/customers/" + customerId + "/plan",
                "{\"maxExtensions\": 0, \"maxConcurrentCalls\": 6, \"maxCallsPerSecond\": 3}");
        assertProblem(tooSmall, 422, "urn:tandem:problem:invalid-input");
        assertThat(reseller.get("v1/customers/" + customerId).json().getJsonObject("plan")
                .getInt("maxExtensions")).as("a refused plan changes nothing").isEqualTo(25);

        NodeApi.Answer manyBad = admin.post("v1/tenants/" + customerId + "/extensions/import", "text/csv",
                "x,Bad\n".repeat(500));
        assertProblem(manyBad, 422, "urn:tandem:problem:invalid-input");
        assertThat(manyBad.json().getString("detail"))
                .isEqualTo("Nothing was imported: 500 problems, the first 100 listed, and 400 more, see errors");
        assertThat(manyBad.json().getJsonArray("errors")).hasSize(100);
        NodeApi.Answer imported = admin.post("v1/tenants/" + customerId + "/extensions/import", "text/csv",
                "number,name\n202,Michael Bolton\n203,\"Nagheenanajar, Samir\"\n");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().getJsonArray("created").getValuesAs(JsonObject.class))
                .extracting(one -> one.getJsonObject("extension").getString("displayName"))
                .containsExactly("Michael Bolton", "Nagheenanajar, Samir");
        assertThat(imported.json().getJsonArray("created").getValuesAs(JsonObject.class))
                .allSatisfy(one -> assertThat(one.getString("voicemailPin")).matches("[0-9]{6}"));
        try (Connection database = nodeDatabase(); PreparedStatement older = database.prepareStatement(
                "delete from voicemail_box b using extension e where e.id = b.extension_id and e.tenant_id = ? and e.number = '203'")) {
            older.setObject(1, UUID.fromString(customerId));
            assertThat(older.executeUpdate()).as("203 made as before every extension got its mailbox").isEqualTo(1);
        }
        String mailbox203 = "v1/tenants/" + customerId + "/extensions/203/voicemail";
        assertProblem(admin.get(mailbox203), 404, "urn:tandem:problem:not-found");
        NodeApi.Answer opened = admin.post(mailbox203, "");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.header("Location")).endsWith("/api/" + mailbox203);
        assertThat(opened.json().getString("voicemailPin")).matches("[0-9]{6}");
        assertThat(opened.json().getJsonObject("voicemail").getBoolean("enabled")).isTrue();
        assertProblem(admin.post(mailbox203, ""), 409, "urn:tandem:problem:already-exists");
        assertProblem(admin.post("v1/tenants/" + customerId + "/extensions/299/voicemail", ""), 404,
                "urn:tandem:problem:not-found");
        String extensionId = created.json().getJsonObject("extension").getString("id");
        assertThat(admin.patch("v1/tenants/" + customerId + "/extensions/" + extensionId, "{\"displayName\": \"Peter G.\"}")
                .json().getString("displayName")).isEqualTo("Peter G.");
        assertThat(admin.delete("v1/tenants/" + customerId + "/extensions/" + extensionId).status()).isEqualTo(204);
        assertThat(admin.get("v1/tenants/" + customerId + "/extensions").json().getJsonArray("extensions")
                .getValuesAs(JsonObject.class)).extracting(one -> one.getString("number")).containsExactly("202", "203");
    }

    @Test
    void aTenantAdminManagesRingGroupsAndReadsItsCallHistoryAndItsResellerSeesTheUsage() throws Exception {
        Customer hunt = Customer.onboard("127.0.0.17", "hunt", 5);
        NodeApi admin = hunt.admin();
        String extensions = hunt.extensions();
        assertThat(admin.post(extensions, "{\"number\": \"201\", \"displayName\": \"Ann\"}").status()).isEqualTo(201);
        assertThat(admin.post(extensions, "{\"number\": \"202\", \"displayName\": \"Bob\"}").status()).isEqualTo(201);

        String groups = "v1/tenants/" + hunt.id() + "/ring-groups";
        NodeApi.Answer created = admin.post(groups,
                "{\"number\": \"600\", \"name\": \"Sales\", \"strategy\": \"SEQUENTIAL\", \"members\": [\"202\", \"201\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String groupId = created.json().getString("id");
        assertThat(created.header("Location")).endsWith("/api/" + groups + "/" + groupId);
        assertThat(created.json().getInt("memberTimeoutSeconds")).isEqualTo(20);
        assertThat(admin.get(groups + "/" + groupId).json().getJsonArray("members").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactly("202", "201");
        assertThat(admin.get(groups).json().getJsonArray("ringGroups")).hasSize(1);

        NodeApi.Answer sameNumber = admin.post(groups, "{\"number\": \"600\", \"name\": \"Again\", \"members\": [\"201\"]}");
        assertProblem(sameNumber, 409, "urn:tandem:problem:already-exists");
        assertThat(field(sameNumber, "number")).isEqualTo("Ring group 600 already exists");
        NodeApi.Answer extensionNumber = admin.post(groups, "{\"number\": \"201\", \"name\": \"Clash\", \"members\": [\"202\"]}");
        assertProblem(extensionNumber, 409, "urn:tandem:problem:already-exists");
        assertThat(field(extensionNumber, "number")).isEqualTo("Number 201 is already an extension");
        NodeApi.Answer extensionOnGroup = admin.post(extensions, "{\"number\": \"600\", \"displayName\": \"Clash\"}");
        assertProblem(extensionOnGroup, 409, "urn:tandem:problem:already-exists");
        NodeApi.Answer badGroup = admin.post(groups,
                "{\"number\": \"601\", \"name\": \"Bad\", \"strategy\": \"RANDOM\", \"memberTimeoutSeconds\": 1, \"members\": [\"299\"]}");
        assertProblem(badGroup, 422, "urn:tandem:problem:invalid-input");
        assertThat(field(badGroup, "strategy")).isEqualTo("Must be one of SIMULTANEOUS, SEQUENTIAL");
        NodeApi.Answer badMembers = admin.post(groups,
                "{\"number\": \"601\", \"name\": \"Bad\", \"memberTimeoutSeconds\": 1, \"members\": [\"299\"]}");
        assertProblem(badMembers, 422, "urn:tandem:problem:invalid-input");
        assertThat(field(badMembers, "members")).isEqualTo("Member 299 is not an extension of this company");
        assertThat(field(badMembers, "memberTimeoutSeconds")).contains("5 to 120 seconds");
        assertProblem(admin.post(groups, "{\"number\": \"601\", \"name\": \"Bad\", \"members\": \"201\"}"),
                422, "urn:tandem:problem:invalid-input");
        assertThat(admin.get(groups).json().getJsonArray("ringGroups")).hasSize(1);

        NodeApi.Answer oneGroupPlan = hunt.reseller().put("v1/customers/" + hunt.id() + "/plan",
                "{\"maxExtensions\": 5, \"maxConcurrentCalls\": 5, \"maxCallsPerSecond\": 5, \"maxRingGroups\": 1}");
        assertThat(oneGroupPlan.status()).as(oneGroupPlan.toString()).isEqualTo(200);
        assertThat(oneGroupPlan.json().getJsonObject("plan").getInt("maxRingGroups")).isEqualTo(1);
        assertThat(oneGroupPlan.json().getJsonObject("plan").getInt("maxRingGroupMembers")).isEqualTo(20);
        NodeApi.Answer pastPlan = admin.post(groups, "{\"number\": \"601\", \"name\": \"Second\", \"members\": [\"201\"]}");
        assertProblem(pastPlan, 409, "urn:tandem:problem:over-plan");
        assertThat(pastPlan.json().getString("detail"))
                .isEqualTo("The plan allows 1 ring groups and 1 exist: delete one, or ask your reseller for a larger plan");

        NodeApi.Answer replaced = admin.put(groups + "/" + groupId,
                "{\"name\": \"Sales desk\", \"memberTimeoutSeconds\": 30, \"members\": [\"201\"]}");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().getString("number")).isEqualTo("600");
        assertThat(replaced.json().getString("strategy")).isEqualTo("SIMULTANEOUS");
        assertThat(admin.get(groups + "/" + groupId).json().getString("name")).isEqualTo("Sales desk");
        NodeApi.Answer renumbered = admin.put(groups + "/" + groupId,
                "{\"number\": \"601\", \"name\": \"Sales\", \"members\": [\"201\"]}");
        assertProblem(renumbered, 422, "urn:tandem:problem:invalid-input");
        assertThat(field(renumbered, "number")).startsWith("A ring group's number cannot change");
        assertProblem(admin.put(groups + "/" + UUID.randomUUID(), "{\"name\": \"X\", \"members\": [\"201\"]}"),
                404, "urn:tandem:problem:not-found");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        recordCall(hunt.id(), "201", "202", now.minus(1, ChronoUnit.DAYS), 95, "ANSWERED", 200);
        recordCall(hunt.id(), "202", "600", now.minusSeconds(60), 0, "NO_ANSWER", 480);
        String calls = "v1/tenants/" + hunt.id() + "/calls";
        NodeApi.Answer history = admin.get(calls);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().getJsonArray("calls").getValuesAs(JsonObject.class))
                .extracting(call -> call.getString("callee"), call -> call.getString("disposition"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("600", "NO_ANSWER"),
                        org.assertj.core.groups.Tuple.tuple("202", "ANSWERED"));
        assertThat(history.json().getJsonArray("perDay")).hasSize(30);
        assertThat(history.json().getBoolean("truncated")).isFalse();
        assertThat(admin.get(calls + "?number=201").json().getJsonArray("calls").getValuesAs(JsonObject.class))
                .extracting(call -> call.getInt("talkSeconds")).containsExactly(95);
        assertThat(admin.get(calls + "?disposition=NO_ANSWER&from=" + LocalDate.now(ZoneOffset.UTC)).json()
                .getJsonArray("calls")).hasSize(1);
        NodeApi.Answer badFilter = admin.get(calls + "?from=yesterday&disposition=LOST");
        assertProblem(badFilter, 422, "urn:tandem:problem:invalid-input");
        assertThat(field(badFilter, "from")).isEqualTo("Must be a day such as 2026-11-22");
        assertThat(field(badFilter, "disposition")).startsWith("Must be one of ANSWERED");
        assertThat(field(admin.get(calls + "?from=2026-02-01&to=2026-01-01"), "to")).isEqualTo("The last day is before the first");
        assertThat(field(admin.get(calls + "?from=2024-01-01&to=2026-01-01"), "to")).startsWith("At most 366 days");

        NodeApi.Answer export = admin.get(calls + "/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.header("Content-Disposition")).startsWith("attachment; filename=\"calls-");
        assertThat(export.response().body().split("\r\n")).hasSize(3)
                .startsWith("started_at,caller,callee,disposition,sip_cause,answered_at,ended_at,talk_seconds");
        assertThat(export.response().body()).contains(",201,202,ANSWERED,200,");

        JsonObject usage = hunt.reseller().get("v1/customers/" + hunt.id()).json().getJsonObject("usage");
        assertThat(usage.getInt("days")).isEqualTo(30);
        assertThat(usage.getInt("calls")).isEqualTo(2);
        assertThat(usage.getInt("talkMinutes")).isEqualTo(1);
        assertThat(hunt.reseller().get("v1/customers?search=" + hunt.domain()).json().getJsonArray("customers")
                .getJsonObject(0).getJsonObject("usage").getInt("calls")).isEqualTo(2);

        assertThat(admin.delete(groups + "/" + groupId).status()).isEqualTo(204);
        assertProblem(admin.get(groups + "/" + groupId), 404, "urn:tandem:problem:not-found");
        assertProblem(admin.delete(groups + "/" + groupId), 404, "urn:tandem:problem:not-found");
    }

    @Test
    void idsOfOtherTenantsAndResellersAreAnsweredAsIfTheyDidNotExist() throws Exception {
        NodeApi api = NodeApi.from("127.0.0.14");
        String rivalName = "rival" + suffix();
        addResellerAdmin(rivalName, "Rival-Reseller-2026");
        NodeApi rival = api.withToken(api.newToken(rivalName, "Rival-Reseller-2026", "rival script"));
        String rivalDomain = rivalName + ".tandem.test";
        NodeApi.Answer rivalCustomer = rival.post("v1/customers", """
                {"companyName": "Rival Co", "sipDomain": "%s", "adminUsername": "boss@%s", "adminPassword": "Rival-Boss-Pass-26",
                 "plan": {"maxExtensions": 5, "maxConcurrentCalls": 2, "maxCallsPerSecond": 1}}""".formatted(rivalDomain, rivalDomain));
        assertThat(rivalCustomer.status()).as(rivalCustomer.toString()).isEqualTo(201);
        String rivalId = rivalCustomer.json().getString("id");

        NodeApi reseller = api.withToken(api.newToken(RESELLER, RESELLER_PASSWORD, "probe"));
        String acmeId = reseller.get("v1/customers?search=acme.tandem.test").json().getJsonArray("customers")
                .getJsonObject(0).getString("id");
        String missing = UUID.randomUUID().toString();
        for (String path : List.of("v1/customers/" + rivalId, "v1/customers/" + missing, "v1/tenants/" + rivalId + "/extensions",
                "v1/tenants/" + rivalId + "/registrations", "v1/tenants/" + rivalId + "/active-calls",
                "v1/tenants/" + rivalId + "/ring-groups",
                "v1/tenants/" + rivalId + "/calls", "v1/tenants/" + rivalId + "/calls/export")) {
            NodeApi.Answer answer = reseller.get(path);
            assertProblem(answer, 404, "urn:tandem:problem:not-found");
            assertThat(answer.json().getString("detail")).as(path).isEqualTo("No such customer");
        }
        assertProblem(reseller.post("v1/customers/" + rivalId + "/suspend", ""), 404, "urn:tandem:problem:not-found");
        assertProblem(reseller.put("v1/customers/" + rivalId + "/plan",
                "{\"maxExtensions\": 999, \"maxConcurrentCalls\": 99, \"maxCallsPerSecond\": 9}"), 404,
                "urn:tandem:problem:not-found");
        assertThat(rival.get("v1/customers/" + rivalId).json().getString("status")).isEqualTo("ACTIVE");
        assertProblem(rival.get("v1/customers/" + acmeId), 404, "urn:tandem:problem:not-found");
        assertThat(rival.get("v1/customers").json().getJsonArray("customers").getValuesAs(JsonObject.class))
                .extracting(customer -> customer.getString("id")).containsExactly(rivalId);

        NodeApi acmeAdmin = api.withToken(api.newToken(ACME_ADMIN, ACME_ADMIN_PASSWORD, "probe"));
        NodeApi rivalBoss = api.withToken(api.newToken("boss@" + rivalDomain, "Rival-Boss-Pass-26", "probe"));
        String rivalExtension = rivalBoss.post("v1/tenants/" + rivalId + "/extensions",
                "{\"number\": \"100\", \"displayName\": \"Rival Boss\"}").json().getJsonObject("extension").getString("id");
        String rivalGroup = rivalBoss.post("v1/tenants/" + rivalId + "/ring-groups",
                "{\"number\": \"700\", \"name\": \"Rival desk\", \"members\": [\"100\"]}").json().getString("id");
        for (String path : List.of("/extensions", "/ring-groups", "/ring-groups/" + rivalGroup, "/calls", "/calls/export",
                "/registrations")) {
            assertProblem(acmeAdmin.get("v1/tenants/" + rivalId + path), 404, "urn:tandem:problem:not-found");
        }
        assertProblem(acmeAdmin.delete("v1/tenants/" + rivalId + "/ring-groups/" + rivalGroup), 404, "urn:tandem:problem:not-found");
        assertProblem(acmeAdmin.delete("v1/tenants/" + acmeId + "/ring-groups/" + rivalGroup), 404, "urn:tandem:problem:not-found");
        assertProblem(acmeAdmin.post("v1/tenants/" + rivalId + "/ring-groups",
                "{\"number\": \"701\", \"name\": \"Planted\", \"members\": [\"100\"]}"), 404, "urn:tandem:problem:not-found");
        assertProblem(reseller.delete("v1/tenants/" + rivalId + "/ring-groups/" + rivalGroup), 404, "urn:tandem:problem:not-found");
        assertProblem(acmeAdmin.put("v1/tenants/" + acmeId + "/ring-groups/" + rivalGroup,
                "{\"name\": \"Hijacked\", \"members\": [\"101\"]}"), 404, "urn:tandem:problem:not-found");
        assertProblem(reseller.put("v1/tenants/" + rivalId + "/ring-groups/" + rivalGroup,
                "{\"name\": \"Hijacked\", \"members\": [\"100\"]}"), 404, "urn:tandem:problem:not-found");
        assertThat(rivalBoss.get("v1/tenants/" + rivalId + "/ring-groups/" + rivalGroup).json().getString("name"))
                .isEqualTo("Rival desk");
        assertProblem(acmeAdmin.post("v1/tenants/" + rivalId + "/extensions", "{\"number\": \"150\", \"displayName\": \"Planted\"}"),
                404, "urn:tandem:problem:not-found");
        for (NodeApi.Answer answer : List.of(
                acmeAdmin.get("v1/tenants/" + acmeId + "/extensions/" + rivalExtension),
                acmeAdmin.patch("v1/tenants/" + acmeId + "/extensions/" + rivalExtension, "{\"displayName\": \"Hijacked\"}"),
                acmeAdmin.post("v1/tenants/" + acmeId + "/extensions/" + rivalExtension + "/sip-password", ""),
                acmeAdmin.delete("v1/tenants/" + acmeId + "/extensions/" + rivalExtension))) {
            assertProblem(answer, 404, "urn:tandem:problem:not-found");
            assertThat(answer.json().getString("detail")).isEqualTo("No such extension");
        }
        assertThat(rivalBoss.get("v1/tenants/" + rivalId + "/extensions/" + rivalExtension).json().getString("displayName"))
                .isEqualTo("Rival Boss");

        NodeApi.Answer customers = acmeAdmin.get("v1/customers");
        assertProblem(customers, 403, "urn:tandem:problem:forbidden");
        String resellerTokenId = reseller.get("v1/tokens").json().getJsonArray("tokens").getJsonObject(0).getString("id");
        assertProblem(acmeAdmin.delete("v1/tokens/" + resellerTokenId), 404, "urn:tandem:problem:not-found");
        assertProblem(rival.delete("v1/tokens/" + resellerTokenId), 404, "urn:tandem:problem:not-found");
        assertThat(reseller.get("v1/me").status()).isEqualTo(200);
    }

    @Test
    void badInputGetsTheProblemDocumentThatNamesIt() throws Exception {
        Customer tiny = Customer.onboard("127.0.0.15", "tiny", 2);
        NodeApi reseller = tiny.reseller();
        String extensions = tiny.extensions();

        assertProblem(reseller.post(extensions, "{\"number\": \"10"), 400, "urn:tandem:problem:malformed-request");
        assertProblem(reseller.post(extensions, "[]"), 400, "urn:tandem:problem:malformed-request");
        NodeApi.Answer wrongTypes = reseller.post(extensions, "{\"number\": 101, \"displayname\": \"typo\"}");
        assertProblem(wrongTypes, 422, "urn:tandem:problem:invalid-input");
        assertThat(field(wrongTypes, "number")).isEqualTo("Must be a string");
        assertThat(field(wrongTypes, "displayname")).startsWith("Unknown member");
        NodeApi.Answer badNumber = reseller.post(extensions, "{\"number\": \"1\", \"displayName\": \"\"}");
        assertProblem(badNumber, 422, "urn:tandem:problem:invalid-input");
        assertThat(badNumber.json().getJsonArray("errors")).hasSize(2);

        assertThat(reseller.post(extensions, "{\"number\": \"101\", \"displayName\": \"One\"}").status()).isEqualTo(201);
        NodeApi.Answer duplicate = reseller.post(extensions, "{\"number\": \"101\", \"displayName\": \"Again\"}");
        assertProblem(duplicate, 409, "urn:tandem:problem:already-exists");
        assertThat(field(duplicate, "number")).isEqualTo("Extension 101 already exists");
        assertThat(reseller.post(extensions, "{\"number\": \"102\", \"displayName\": \"Two\"}").status()).isEqualTo(201);
        NodeApi.Answer overPlan = reseller.post(extensions, "{\"number\": \"103\", \"displayName\": \"Three\"}");
        assertProblem(overPlan, 409, "urn:tandem:problem:over-plan");
        assertThat(overPlan.json().getString("detail")).startsWith("The plan allows 2 extensions and 2 exist");

        NodeApi.Answer csv = reseller.post(extensions + "/import", "text/csv", "104,Four\nabc,Bad\n101,Dup\n105,\"Open\n");
        assertProblem(csv, 422, "urn:tandem:problem:invalid-input");
        assertThat(csv.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getInt("line"), error -> error.getString("detail"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "extension number must be 2 to 10 digits: abc"),
                        org.assertj.core.groups.Tuple.tuple(3, "Extension 101 already exists"),
                        org.assertj.core.groups.Tuple.tuple(4, "A quote is not closed"));
        assertThat(reseller.get(extensions).json().getJsonArray("extensions")).hasSize(2);

        NodeApi.Answer takenDomain = reseller.post("v1/customers", """
                {"companyName": "Tiny Again", "sipDomain": "%s", "adminUsername": "t2@%s", "adminPassword": "Tiny-Admin-Pass-26",
                 "plan": {"maxExtensions": 2, "maxConcurrentCalls": 1, "maxCallsPerSecond": 1}}"""
                .formatted(tiny.domain(), tiny.domain()));
        assertProblem(takenDomain, 409, "urn:tandem:problem:already-exists");
        assertThat(field(takenDomain, "sipDomain")).isEqualTo("This SIP domain is already used by another customer");
        NodeApi.Answer badCustomer = reseller.post("v1/customers", """
                {"companyName": " ", "sipDomain": "not a domain", "adminUsername": "x", "adminPassword": "password",
                 "plan": {"maxExtensions": 0, "maxConcurrentCalls": 1, "maxCallsPerSecond": 1}}""");
        assertProblem(badCustomer, 422, "urn:tandem:problem:invalid-input");
        assertThat(badCustomer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getString("field"))
                .containsExactly("adminPassword", "adminUsername", "companyName", "plan", "sipDomain");

        NodeApi.Answer wrongMediaType = reseller.post(extensions, "text/plain", "101,One");
        assertProblem(wrongMediaType, 415, "about:blank");
        assertProblem(reseller.get("v1/nowhere"), 404, "urn:tandem:problem:not-found");
        assertProblem(reseller.get("v1/customers/not-a-uuid"), 404, "urn:tandem:problem:not-found");
        NodeApi.Answer wrongMethod = reseller.delete("v1/customers");
        assertProblem(wrongMethod, 405, "about:blank");
        assertThat(wrongMethod.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void hostileBodiesAreRefusedWithTheProblemDocumentThatNamesThemNeverA500() throws Exception {
        Customer hostile = Customer.onboard("127.0.0.31", "hostile", 5);
        NodeApi reseller = hostile.reseller();
        String extensions = hostile.extensions();

        assertMalformed(reseller.post(extensions, "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}"),
                "The body nests objects and arrays more than 16 deep");
        assertMalformed(reseller.post(extensions, "{\"number\": \"201\", \"displayName\": " + "9".repeat(2000) + "}"),
                "A number in the body is longer than 32 characters");
        assertMalformed(reseller.post(extensions, "{\"number\": \"201\", \"number\": \"202\", \"displayName\": \"Twice\"}"),
                "The member \"number\" appears more than once in one object");
        assertMalformed(reseller.post(extensions, "{\"number\": \"201\", \"displayName\": \"Half \\uD800\"}"),
                "A string in the body holds half of a UTF-16 surrogate pair (\\uD800)");
        assertMalformed(reseller.post(extensions, "{\"number\": \"201\", \"displayName\": \"Nul \\u0000\"}"),
                "A string in the body holds the character U+0000");
        byte[] latin1 = "{\"number\": \"201\", \"displayName\": \"Zo\u00eb\"}".getBytes(StandardCharsets.ISO_8859_1);
        NodeApi.Answer notUtf8 = reseller.post(extensions, "application/json", latin1);
        assertMalformed(notUtf8, "The body is not valid UTF-8 text: send it as UTF-8");
        NodeApi.Answer tooLarge = reseller.post(extensions + "/import", "text/csv", "201,Big\n".repeat(150_000));
        assertProblem(tooLarge, 413, "urn:tandem:problem:body-too-large");
        assertThat(tooLarge.json().getString("detail")).isEqualTo("The body is larger than the node takes (1048576 bytes)");

        NodeApi.Answer bidi = reseller.post(extensions, "{\"number\": \"201\", \"displayName\": \"Invoice\u202Efdp.exe\"}");
        assertProblem(bidi, 422, "urn:tandem:problem:invalid-input");
        assertThat(field(bidi, "displayName")).isEqualTo("Display name contains characters that change the direction of text");
        NodeApi.Answer farFuture = hostile.api().withPassword(RESELLER, RESELLER_PASSWORD).post("v1/tokens",
                "{\"name\": \"far\", \"expiresAt\": \"+999999999-12-31T23:59:59Z\"}");
        assertProblem(farFuture, 422, "urn:tandem:problem:invalid-input");
        assertThat(field(farFuture, "expiresAt")).startsWith("Must be a date and time");
        assertThat(reseller.get(extensions).json().getJsonArray("extensions")).isEmpty();
    }

    @Test
    void hostileAddressesAndMethodsGetA4xxNeverA500() throws Exception {
        NodeApi api = NodeApi.from("127.0.0.32");
        NodeApi admin = api.withToken(api.newToken(ACME_ADMIN, ACME_ADMIN_PASSWORD, "hostile addresses"));
        String tenant = admin.get("v1/me").json().getString("tenantId");
        String calls = "v1/tenants/" + tenant + "/calls";

        NodeApi.Answer farDays = admin.get(calls + "?from=%2B999999999-01-01&to=-999999999-01-01");
        assertProblem(farDays, 422, "urn:tandem:problem:invalid-input");
        assertThat(field(farDays, "to")).isEqualTo("Must be a day such as 2026-11-22");
        assertMalformed(admin.get(calls + "?number=%00"), "The query holds a control character such as U+0000");
        assertMalformed(admin.get(calls + "?number=%C3%28"), "The query is not percent-encoded UTF-8");
        assertMalformed(admin.get("v1/tenants/" + tenant + "/extensions/%00"), "The path holds a control character such as U+0000");

        String token = admin.newToken(ACME_ADMIN, ACME_ADMIN_PASSWORD, "raw");
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.32")).build();
        URI extensions = URI.create("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/api/v1/tenants/" + tenant
                + "/extensions");
        for (String[] header : new String[][]{{"Content-Type", ";;;"}, {"Accept", "application/json;q=abc"}}) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(extensions).header("Authorization",
                    "Bearer " + token).header(header[0], header[1]).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(header[0]).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
            assertThat(refused.body()).contains("urn:tandem:problem:malformed-request").contains(header[0] + " header");
        }
        assertThat(raw("127.0.0.32", "GET /api/" + calls + "?number=%ZZ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + token + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(raw("127.0.0.32", "GET /api/v1/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ");
        String trace = raw("127.0.0.32", "TRACE /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nX-Probe: echo-me\r\nConnection: close\r\n\r\n");
        assertThat(trace).startsWith("HTTP/1.1 405 ").containsIgnoringCase("Content-Type: " + PROBLEM_JSON)
                .doesNotContain("echo-me").doesNotContain(token);
        String portalTrace = raw("127.0.0.32", "TRACE / HTTP/1.1\r\nHost: x\r\nCookie: JSESSIONID=secret-cookie\r\n"
                + "X-Probe: echo-me\r\nConnection: close\r\n\r\n");
        assertThat(portalTrace).startsWith("HTTP/1.1 405 ").doesNotContain("echo-me").doesNotContain("secret-cookie");
    }

    @Test
    void aSuspendedCustomersAdminReadsButEveryWriteIs403UntilResumed() throws Exception {
        Customer paused = Customer.onboard("127.0.0.33", "paused", 5);
        NodeApi admin = paused.admin();
        String extensions = paused.extensions();
        String extension = admin.post(extensions, "{\"number\": \"201\", \"displayName\": \"Pat\"}").json()
                .getJsonObject("extension").getString("id");

        assertThat(paused.reseller().post("v1/customers/" + paused.id() + "/suspend", "").status()).isEqualTo(200);

        assertThat(admin.get(extensions).status()).isEqualTo(200);
        for (NodeApi.Answer write : List.of(admin.post(extensions, "{\"number\": \"202\", \"displayName\": \"Nope\"}"),
                admin.patch(extensions + "/" + extension, "{\"displayName\": \"Renamed\"}"),
                admin.post(extensions + "/" + extension + "/sip-password", ""),
                admin.delete(extensions + "/" + extension),
                admin.post(extensions + "/import", "text/csv", "203,Imported\n"),
                admin.post("v1/tenants/" + paused.id() + "/ring-groups", "{\"number\": \"600\", \"name\": \"Sales\", "
                        + "\"memberTimeoutSeconds\": 15, \"members\": [\"201\"]}"))) {
            assertProblem(write, 403, "urn:tandem:problem:forbidden");
            assertThat(write.json().getString("detail")).startsWith("Your company's service is suspended");
        }
        assertThat(admin.get(extensions).json().getJsonArray("extensions")).hasSize(1);

        assertThat(paused.reseller().post("v1/customers/" + paused.id() + "/resume", "").status()).isEqualTo(200);
        assertThat(admin.post(extensions, "{\"number\": \"202\", \"displayName\": \"Back\"}").status()).isEqualTo(201);
    }

    @Test
    void responsesCarryTheSecurityHeadersAndAnonymousCallsMakeNoSession() throws Exception {
        NodeApi api = NodeApi.from("127.0.0.34");
        NodeApi.Answer openApi = api.get("openapi.json");
        NodeApi.Answer refused = api.get("v1/me");
        NodeApi.Answer wrongToken = api.withToken("tdm_nothing_here").get("v1/me");
        NodeApi.Answer signedIn = api.withToken(api.newToken(ACME_ADMIN, ACME_ADMIN_PASSWORD, "headers")).get("v1/me");
        HttpResponse<String> portal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(openApi.response(), refused.response(), wrongToken.response(),
                signedIn.response(), portal)) {
            HttpHeaders headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(response.uri().toString()).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'")
                            .contains("object-src 'none'"));
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        for (NodeApi.Answer answer : List.of(openApi, refused, wrongToken, signedIn)) {
            assertThat(answer.headers("Set-Cookie")).as(answer.toString()).isEmpty();
        }
        // nor does the portal before a sign-in (PortalSignInIT checks the cookie a sign-in gets)
        assertThat(portal.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aClientThatSendsItsHeadersTooSlowlyIsCutOff() throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.35", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.getInteger("it.http.port")), 5000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            // one header byte a second, never the blank line that ends the headers: bounded to 40 s
            for (int second = 0; second < 40 && !closed; second++) {
                try {
                    out.write('X');
                    out.flush();
                    closed = socket.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing answered this second
                } catch (IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).as("the node closed the connection").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
        }
    }

    @Test
    void anAddressThatKeepsGuessingTokensIsSlowedDownAndOthersAreNot() throws Exception {
        NodeApi guesser = NodeApi.from("127.0.0.77");
        String good = guesser.newToken(ACME_ADMIN, ACME_ADMIN_PASSWORD, "guessed address");
        for (int i = 0; i < ThrottlePolicy.DEFAULT.perAccountAndAddress(); i++) {
            assertProblem(guesser.withToken("tdm_guess" + i).get("v1/me"), 401, "urn:tandem:problem:unauthenticated");
        }

        NodeApi.Answer slowed = guesser.withToken(good).get("v1/me");
        assertProblem(slowed, 429, "urn:tandem:problem:too-many-failed-attempts");
        assertThat(Integer.parseInt(slowed.header("Retry-After"))).isBetween(1, (int) ThrottlePolicy.DEFAULT.block().toSeconds());
        assertThat(NodeApi.from("127.0.0.78").withToken(good).get("v1/me").status()).isEqualTo(200);
    }

    /**
     * The node runs with 127.0.0.90 as its one trusted reverse proxy (arquillian.xml). From any other
     * peer X-Forwarded-For is ignored: a guesser cannot pin its failures on someone else's address,
     * nor reach /metrics by naming a loopback address. Through the proxy the forwarded client counts.
     */
    @Test
    void xForwardedForIsBelievedFromTheTrustedProxyOnly() throws Exception {
        String good = NodeApi.from("127.0.0.95").newToken(ACME_ADMIN, ACME_ADMIN_PASSWORD, "behind a proxy");
        int limit = ThrottlePolicy.DEFAULT.perAccountAndAddress();

        NodeApi forger = NodeApi.from("127.0.0.91").forwardedFor("127.0.0.92");
        for (int i = 0; i < limit; i++) {
            assertProblem(forger.withToken("tdm_forged" + i).get("v1/me"), 401, "urn:tandem:problem:unauthenticated");
        }
        assertProblem(forger.withToken(good).get("v1/me"), 429, "urn:tandem:problem:too-many-failed-attempts");
        assertThat(NodeApi.from("127.0.0.92").withToken(good).get("v1/me").status()).as("the address it named")
                .isEqualTo(200);

        NodeApi proxied = NodeApi.from("127.0.0.90").forwardedFor("127.0.0.93");
        for (int i = 0; i < limit; i++) {
            assertProblem(proxied.withToken("tdm_proxied" + i).get("v1/me"), 401, "urn:tandem:problem:unauthenticated");
        }
        assertProblem(proxied.withToken(good).get("v1/me"), 429, "urn:tandem:problem:too-many-failed-attempts");
        assertThat(NodeApi.from("127.0.0.90").forwardedFor("127.0.0.94").withToken(good).get("v1/me").status())
                .as("another client behind the same proxy").isEqualTo(200);

        assertThat(NodeApi.from("127.0.0.90").forwardedFor("203.0.113.5").metrics().status())
                .as("a remote client through the proxy").isEqualTo(403);
        assertThat(NodeApi.from("127.0.0.96").forwardedFor("203.0.113.5").metrics().status())
                .as("a loopback peer that is not the proxy: its header changes nothing").isEqualTo(200);
    }

    @Test
    void servesItsOpenApiDocumentToAnyone() throws Exception {
        NodeApi.Answer document = NodeApi.from("127.0.0.16").get("openapi.json");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.contentType()).startsWith("application/json");
        assertThat(document.json().getString("openapi")).isEqualTo("3.1.0");
        assertThat(document.json().getJsonObject("paths").keySet()).containsExactlyInAnyOrder("/v1/me", "/v1/tokens",
                "/v1/tokens/{tokenId}", "/v1/customers", "/v1/customers/{customerId}", "/v1/customers/{customerId}/suspend",
                "/v1/customers/{customerId}/resume", "/v1/customers/{customerId}/plan", "/v1/tenants/{tenantId}/extensions",
                "/v1/tenants/{tenantId}/extensions/import", "/v1/tenants/{tenantId}/extensions/{extensionId}",
                "/v1/tenants/{tenantId}/extensions/{extensionId}/sip-password", "/v1/tenants/{tenantId}/ring-groups",
                "/v1/tenants/{tenantId}/ring-groups/{ringGroupId}", "/v1/tenants/{tenantId}/registrations",
                "/v1/tenants/{tenantId}/active-calls", "/v1/tenants/{tenantId}/calls", "/v1/tenants/{tenantId}/calls/export",
                "/v1/tenants/{tenantId}/extensions/{number}/voicemail", "/v1/tenants/{tenantId}/extensions/{number}/voicemail/messages",
                "/v1/tenants/{tenantId}/extensions/{number}/voicemail/messages/{messageId}",
                "/v1/tenants/{tenantId}/extensions/{number}/voicemail/messages/{messageId}/audio", "/openapi.json");
    }

    /**
     * What Undertow's parser would refuse with a bare 400 and no body is answered in words by the
     * node's HTTP edge (edge.RequestRefusals): a problem document under /api/, a line of text for the
     * portal. What only the parser can refuse (a broken Content-Length) stays a bare 400 that closes
     * the connection; nothing answers 500.
     */
    @Test
    void malformedAndOversizedRequestsAreAnsweredInWordsNeverBare() throws Exception {
        String close = "Connection: close\r\n\r\n";
        assertRawProblem(raw("127.0.0.37", "GET /api/v1/%ZZ HTTP/1.1\r\nHost: x\r\n" + close), 400,
                "malformed-request", "/api/v1/%ZZ");
        assertRawProblem(raw("127.0.0.37", "GET /api/v1/me?number=%G1 HTTP/1.1\r\nHost: x\r\n" + close), 400,
                "malformed-request", "/api/v1/me");
        assertRawProblem(raw("127.0.0.37", "GET /api/v1/" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\n" + close),
                414, "target-too-long", "/api/v1/");
        assertRawProblem(raw("127.0.0.37", "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(70_000)
                + "\r\n" + close), 431, "headers-too-large", "/api/v1/me");
        assertRawProblem(raw("127.0.0.37", "POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                + "\r\nContent-Length: 11000000\r\n" + close + "{}"), 413, "body-too-large", "/api/v1/tokens");

        assertRawText(raw("127.0.0.37", "GET /%ZZ HTTP/1.1\r\nHost: x\r\n" + close), 400, "not well-formed");
        assertRawText(raw("127.0.0.37", "GET /" + "c".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\n" + close), 414,
                "address is too long");
        assertRawText(raw("127.0.0.37", "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: 11000000\r\n" + close + "username=a"), 413, "body is too large");

        // decoding still happens, now in the edge: the sign-in page reads its parameter decoded
        assertThat(raw("127.0.0.37", "GET /login?continue=%2Fapi-tokens HTTP/1.1\r\nHost: x\r\n" + close))
                .startsWith("HTTP/1.1 200 ").contains("name=\"continue\" value=\"/api-tokens\"");
        for (String framing : new String[] {"Content-Length: abc\r\n", "Content-Length: 2\r\nContent-Length: 3\r\n",
                "Content-Length: -5\r\n", "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n"}) {
            assertThat(raw("127.0.0.37", "POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\n" + framing + close + "{}"))
                    .as(framing).startsWith("HTTP/1.1 400 ");
        }
    }

    private static void assertRawProblem(String answer, int status, String type, String instance) {
        assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status + " ")
                .containsIgnoringCase("Content-Type: " + PROBLEM_JSON);
        JsonObject problem = Json.createReader(new StringReader(answer.substring(answer.indexOf("\r\n\r\n") + 4))).readObject();
        assertThat(problem.getString("type")).isEqualTo("urn:tandem:problem:" + type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance")).startsWith(instance);
    }

    private static void assertRawText(String answer, int status, String words) {
        assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status + " ")
                .containsIgnoringCase("Content-Type: text/plain").contains(words).doesNotContain("Exception");
    }

    private static void assertMalformed(NodeApi.Answer answer, String detail) {
        assertProblem(answer, 400, "urn:tandem:problem:malformed-request");
        assertThat(answer.json().getString("detail")).isEqualTo(detail);
    }

    /** What the node answers to {@code request}, sent as it is from {@code from}: bytes no HTTP client would send. */
    private static String raw(String from, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.getInteger("it.http.port")), 5000);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The demo's messages in Acme's mailbox 101: listed, played whole, filed, deleted; hostile input refused in words. */
    @Test
    void aMailboxsMessagesAreListedPlayedFiledAndDeletedAndBadSettingsNamed() throws Exception {
        NodeApi api = NodeApi.from("127.0.0.41");
        String token = api.newToken(ACME_ADMIN, ACME_ADMIN_PASSWORD, "voicemail");
        NodeApi admin = api.withToken(token);
        String acmeId = admin.get("v1/me").json().getString("tenantId");
        String mailbox = "v1/tenants/" + acmeId + "/extensions/101/voicemail";

        NodeApi.Answer settings = admin.get(mailbox);
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        assertThat(settings.json().getString("displayName")).isEqualTo("Alice Archer");
        assertThat(settings.response().body()).doesNotContain("pin");
        List<JsonObject> messages = admin.get(mailbox + "/messages").json().getJsonArray("messages")
                .getValuesAs(JsonObject.class);
        assertThat(messages).extracting(message -> message.getString("callerNumber")).contains("102", "+15550100");
        String message = mailbox + "/messages/" + messages.getFirst().getString("id");

        HttpResponse<byte[]> audio = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.41")).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/api/"
                        + message + "/audio")).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).contains("audio/wav");
        assertThat(audio.headers().firstValueAsLong("Content-Length")).hasValue(audio.body().length);
        assertThat(audio.headers().firstValue("Accept-Ranges")).contains("none");
        assertThat(new String(audio.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(audio.body().length).isEqualTo(44 + messages.getFirst().getInt("durationSeconds") * 16_000);

        NodeApi.Answer read = admin.post(message, "{\"folder\": \"SAVED\"}");
        assertThat(read.json().getBoolean("read")).as(read.toString()).isTrue();
        assertProblem(admin.post(message, "{\"folder\": \"NEW\"}"), 422, "urn:tandem:problem:invalid-input");

        NodeApi.Answer bad = admin.put(mailbox, "{\"enabled\": true, \"noAnswerSeconds\": -3, \"pin\": \"1234\"}");
        assertProblem(bad, 422, "urn:tandem:problem:invalid-input");
        assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getString("field")).containsExactly("noAnswerSeconds", "pin");
        assertThat(bad.response().body()).contains("The extension rings 5 to 120 seconds").doesNotContain("1234\"");
        assertProblem(admin.put(mailbox, "{\"enabled\": true, \"noAnswerSeconds\": 99999999999}"), 422,
                "urn:tandem:problem:invalid-input");
        NodeApi.Answer changed = admin.put(mailbox, "{\"enabled\": true, \"noAnswerSeconds\": 25, \"pin\": \"5937\"}");
        assertThat(changed.json().getInt("noAnswerSeconds")).as(changed.toString()).isEqualTo(25);

        Customer rival = Customer.onboard("127.0.0.42", "voicerival", 5);
        NodeApi rivalAdmin = rival.admin();
        assertProblem(rivalAdmin.get(mailbox), 404, "urn:tandem:problem:not-found");
        assertProblem(rivalAdmin.get(message + "/audio"), 404, "urn:tandem:problem:not-found");
        assertProblem(rivalAdmin.delete(message), 404, "urn:tandem:problem:not-found");
        assertProblem(admin.get(mailbox + "/messages/" + UUID.randomUUID() + "/audio"), 404, "urn:tandem:problem:not-found");

        assertThat(admin.delete(message).status()).isEqualTo(204);
        assertProblem(admin.get(message + "/audio"), 404, "urn:tandem:problem:not-found");
    }

    private static void assertProblem(NodeApi.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).isEqualTo(PROBLEM_JSON);
        JsonObject problem = answer.json();
        assertThat(problem.getString("type")).as(answer.toString()).isEqualTo(type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("instance")).startsWith("/api/");
        assertThat(answer.response().body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** A new customer of the demo reseller, onboarded through the API for one test from one client address. */
    private record Customer(NodeApi api, NodeApi reseller, String domain, String id) {

        private static final String ADMIN_PASSWORD = "Customer-Admin-Pass-26";

        /** Onboards customer {@code name} (made unique) from {@code address}; its plan allows {@code maxExtensions}. */
        static Customer onboard(String address, String name, int maxExtensions) throws Exception {
            NodeApi api = NodeApi.from(address);
            NodeApi reseller = api.withToken(api.newToken(RESELLER, RESELLER_PASSWORD, name));
            String domain = name + suffix() + ".tandem.test";
            NodeApi.Answer onboarded = reseller.post("v1/customers", """
                    {"companyName": "Customer of %s", "sipDomain": "%s", "adminUsername": "admin@%s", "adminPassword": "%s",
                     "plan": {"maxExtensions": %d, "maxConcurrentCalls": 2, "maxCallsPerSecond": 1}}"""
                    .formatted(domain, domain, domain, ADMIN_PASSWORD, maxExtensions));
            assertThat(onboarded.status()).as(onboarded.toString()).isEqualTo(201);
            return new Customer(api, reseller, domain, onboarded.json().getString("id"));
        }

        /** A client of the customer's admin, with a new token. */
        NodeApi admin() throws Exception {
            return api.withToken(api.newToken("admin@" + domain, ADMIN_PASSWORD, "admin"));
        }

        String extensions() {
            return "v1/tenants/" + id + "/extensions";
        }
    }

    /** The detail of the 422/409 error about {@code name}. */
    private static String field(NodeApi.Answer answer, String name) {
        return answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .filter(error -> error.get("field") instanceof JsonString field && field.getString().equals(name))
                .map(error -> error.getString("detail"))
                .findFirst().orElseThrow(() -> new AssertionError("no error about " + name + ": " + answer));
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }

    private static int sipPort() {
        return Integer.getInteger("it.sip.port");
    }

    /** A SIPp phone registers once with digest authentication (the engine's own scenario); its exit code. */
    private static int registerPhone(String number, String domain, String password) throws Exception {
        return SippPhone.start("register_auth.xml", SippPhone.line(number, domain, password), "-auth_uri", domain)
                .exitCode();
    }

    /** A call record of {@code tenant} as the engine writes one when a call ends. */
    private static void recordCall(String tenant, String caller, String callee, Instant startedAt, int talkSeconds,
                                   String disposition, int sipCause) throws SQLException {
        try (Connection db = nodeDatabase();
             PreparedStatement insert = db.prepareStatement("insert into call_record (id, tenant_id, node_id, caller, "
                     + "callee, started_at, answered_at, ended_at, disposition, sip_cause) "
                     + "select ?, ?, id, ?, ?, ?, ?, ?, ?, ? from node limit 1")) {
            Instant answeredAt = talkSeconds > 0 ? startedAt.plusSeconds(5) : null;
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.fromString(tenant));
            insert.setString(3, caller);
            insert.setString(4, callee);
            insert.setObject(5, startedAt.atOffset(ZoneOffset.UTC));
            insert.setObject(6, answeredAt == null ? null : answeredAt.atOffset(ZoneOffset.UTC));
            insert.setObject(7, (answeredAt == null ? startedAt.plusSeconds(20) : answeredAt.plusSeconds(talkSeconds))
                    .atOffset(ZoneOffset.UTC));
            insert.setString(8, disposition);
            insert.setInt(9, sipCause);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection nodeDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Integer.getInteger("it.db.port") + "/tandem",
                "tandem", "tandem");
    }

    /** A second reseller with its admin login, as the operator would add one, straight into the node's database. */
    private static void addResellerAdmin(String username, String password) throws SQLException {
        try (Connection db = nodeDatabase()) {
            UUID reseller = UUID.randomUUID();
            try (PreparedStatement insert = db.prepareStatement("insert into reseller (id, operator_id, name, created_at) "
                    + "select ?, id, ?, now() from operator limit 1")) {
                insert.setObject(1, reseller);
                insert.setString(2, "Rival Reseller " + username);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            PortalLoginRow.resellerAdmin(username, reseller).password(password).insertInto(db);
        }
    }
}
