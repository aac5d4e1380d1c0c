package org.tandem.ear;

import org.tandem.testsupport.database.PortalLoginRow;
import org.tandem.testsupport.database.TenantRow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal of a whole node in a real browser (Debian's headless chromium), run by
 * {@link TandemNodeIT} on its deployment: a reseller onboards a customer, the customer's admin adds an
 * extension, a SIPp phone registers with the credentials the page showed once, and the live view
 * shows it without a reload; a suspended customer's phone is then refused by the engine. A tenant
 * admin watches a call between two SIPp phones ring, be answered and end on the live page. Then the
 * probes: tenant admins and resellers editing ids in URLs reach nothing of anyone else's.
 */
final class PortalJourneys {

    private static final String RESELLER = "reseller";
    private static final String RESELLER_PASSWORD = "tandem-reseller";
    private static final String ACME_ADMIN = "admin@acme";
    private static final String ACME_ADMIN_PASSWORD = "tandem-admin";
    private static final String TENANT_USER = "alice@acme";
    private static final String TENANT_USER_PASSWORD = "tandem-alice";
    private static final String OTHER_RESELLER = NodeDatabase.unique("other-reseller");
    private static final String OTHER_PASSWORD = "Other-Reseller-2026";
    static final String OTHER_DOMAIN = NodeDatabase.unique("other") + ".tandem.test";

    private final UUID otherTenant;

    private PortalJourneys(UUID otherTenant) {
        this.otherTenant = otherTenant;
    }

    /**
     * Adds a second reseller with a customer of its own, written straight into the node's database (as
     * an operator's tooling would): the demo has one reseller, and the probes need someone else's data.
     */
    static PortalJourneys withAnotherReseller() throws SQLException {
        UUID reseller = UUID.randomUUID();
        NodeDatabase.execute("insert into reseller (id, operator_id, name, created_at) "
                + "select ?, id, 'Other Reseller', now() from operator limit 1", reseller);
        UUID pool = UUID.fromString(NodeDatabase.single("select id::text from pool limit 1"));
        try (Connection connection = NodeDatabase.connect()) {
            UUID otherTenant = TenantRow.tenant(OTHER_DOMAIN, reseller, pool).company("Other Co").plan(10, 5, 5)
                    .insertInto(connection);
            PortalLoginRow.resellerAdmin(OTHER_RESELLER, reseller).password(OTHER_PASSWORD).insertInto(connection);
            return new PortalJourneys(otherTenant);
        }
    }

    /** One journey in a browser of its own: a fresh profile, signed in by the journey itself. */
    private interface Journey {
        void walk(Browser browser) throws Exception;
    }

    private static void inBrowser(Journey journey) throws Exception {
        try (Browser browser = new Browser("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/")) {
            journey.walk(browser);
        }
    }

    /** The demo tenant Acme's id. */
    private static UUID acme() throws SQLException {
        return UUID.fromString(NodeDatabase.single("select id::text from tenant where sip_domain = 'acme.tandem.test'"));
    }

    /** Signs {@code browser} in as Acme's admin and opens Acme's page {@code page}; returns Acme's id. */
    private static UUID openAcmePageAsAdmin(Browser browser, String page) throws SQLException {
        UUID acme = acme();
        browser.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD);
        browser.open("tenants/" + acme + "/" + page);
        return acme;
    }

    void aResellerOnboardsACustomerWhosePhoneShowsUpLiveAndIsRefusedOnceSuspended() throws Exception {
        inBrowser(this::onboardRegisterSuspend);
    }

    /**
     * A reseller's login is removed while a browser is signed in with it: the page goes to the sign-in
     * page by itself, and no page opens without signing in again.
     */
    void aBrowserOfARemovedLoginIsSignedOutAtOnce() throws Exception {
        String leaver = "leaver@tandem-it";
        String password = "Gone-Tomorrow-2026-Quay";
        UUID demoReseller = UUID.fromString(
                NodeDatabase.single("select id::text from reseller where name <> 'Other Reseller' limit 1"));
        try (Connection connection = NodeDatabase.connect()) {
            PortalLoginRow.resellerAdmin(leaver, demoReseller).password(password).insertInto(connection);
        }
        inBrowser(browser -> {
            browser.signIn(leaver, password);
            browser.open("customers");
            browser.awaitPath("customers");

            NodeDatabase.execute("delete from portal_account where username = ?", leaver);

            // told by the server, or reloaded when its closed session answered as expired
            browser.awaitPath("login(\\?continue=%2Fcustomers)?");
            browser.open("customers");
            browser.awaitPath("login\\?continue=%2Fcustomers");
        });
    }

    private void onboardRegisterSuspend(Browser browser) throws Exception {
        String domain = NodeDatabase.unique("browser") + ".tandem.test";
        String admin = NodeDatabase.unique("admin@browser");
        browser.signIn(RESELLER, RESELLER_PASSWORD);
        browser.open("customers/new");
        browser.type("company", "Browser Test Ltd");
        browser.type("sip-domain", domain);
        browser.type("admin-username", admin);
        browser.type("admin-password", "Sunny-Meadow-2026");
        browser.type("max-extensions", "10");
        browser.screenshot("onboarding");
        browser.click("create-customer");

        browser.awaitPath("customers/[0-9a-f-]{36}");
        UUID tenant = UUID.fromString(browser.path().substring("customers/".length()));
        assertThat(browser.text("customer-name")).isEqualTo("Browser Test Ltd");
        assertThat(browser.text("dns-zone"))
                .contains("_sip._udp." + domain + ". 300 IN SRV 10 0 " + SippPhone.sipPort() + " node1." + domain + ".")
                .contains("_sip._tcp." + domain + ". 300 IN SRV 10 0 " + SippPhone.sipPort() + " node1." + domain + ".")
                .contains("node1." + domain + ". 300 IN A 127.0.0.1");
        browser.screenshot("customer");
        browser.open("customers");
        assertThat(browser.gridText("customers")).contains("Browser Test Ltd").contains("Acme Ltd").doesNotContain("Other Co");
        browser.screenshot("customers");
        browser.signOut();

        browser.signIn(admin, "Sunny-Meadow-2026");
        browser.open("tenants/" + tenant + "/extensions");
        browser.type("extension-number", "201");
        browser.type("extension-name", "Browser Phone");
        browser.click("add-extension");
        String sipUser = browser.text("sip-user");
        String password = browser.text("sip-password");
        assertThat(sipUser).isEqualTo("201@" + domain);
        browser.screenshot("extension-password");
        browser.click("credentials-done");
        assertThat(browser.gridText("extensions")).contains("201").contains("Browser Phone");

        browser.open("tenants/" + tenant + "/registrations");
        browser.awaitText("registration-count", "0 phones registered");
        browser.script("window.tandemNotReloaded = true");
        SippPhone phone = SippPhone.start("register_auth.xml", SippPhone.line("201", domain, password),
                "-auth_uri", domain);
        assertThat(phone.exitCode()).as("sipp: REGISTER, 401, REGISTER with digest, 200\n" + phone.output()).isZero();

        browser.awaitText("registration-count", "1 phone registered");
        assertThat(browser.script("return window.tandemNotReloaded === true")).as("the page was not reloaded").isEqualTo(true);
        assertThat(browser.gridText("registrations")).contains("201").contains("Browser Phone").contains("SIPp");
        browser.screenshot("registrations");
        browser.signOut();

        browser.signIn(RESELLER, RESELLER_PASSWORD);
        browser.open("customers/" + tenant);
        browser.click("suspend");
        assertThat(browser.text("confirm-consequences")).startsWith("Phones of Browser Test Ltd will be refused until you resume it");
        browser.screenshot("suspend-confirmation");
        browser.click("confirm-suspend");
        browser.awaitTextStarting("customer-status", "Suspended");
        SippPhone refused = SippPhone.start("register_wrong_password.xml", SippPhone.line("201", domain, password),
                "-auth_uri", domain);
        assertThat(refused.exitCode()).as("sipp: the right password of a suspended customer gets 403\n" + refused.output())
                .isZero();
        browser.signOut();

        browser.signIn(admin, "Sunny-Meadow-2026");
        browser.open("tenants/" + tenant + "/registrations");
        browser.awaitTextStarting("registration-count", "No phones registered: Browser Test Ltd is suspended");
        assertThat(browser.text("suspended-banner")).startsWith("Browser Test Ltd is suspended: its phones are refused");
        browser.screenshot("suspended");
        browser.signOut();

        browser.signIn(RESELLER, RESELLER_PASSWORD);
        browser.open("customers/" + tenant);
        browser.click("resume");
        browser.awaitTextStarting("customer-status", "Active");
    }

    void aTenantAdminSeesACallRingBeAnsweredAndEndWithoutAReload() throws Exception {
        inBrowser(this::watchACall);
    }

    /**
     * Demo extension 104 calls 103 (SIPp phones with the README's passwords): 103 rings 1.5 s, answers,
     * talks 1.5 s and hangs up, while the admin's page shows each step as it is pushed.
     */
    private void watchACall(Browser browser) throws Exception {
        UUID acme = openAcmePageAsAdmin(browser, "active-calls");
        browser.awaitText("active-call-count", "0 calls");
        browser.script("window.tandemNotReloaded = true");

        SippPhone phone = SippPhone.start("call/phone_register.xml", SippPhone.demo("103"),
                "-auth_uri", SippPhone.DEMO_DOMAIN, "-oocsf", SippPhone.scenario("call/phone_rings_answers_talks.xml"),
                "-d", "15000");
        try {
            NodeDatabase.awaitCount("select count(*) from registration where extension_number = '103'", 1);
            SippPhone caller = SippPhone.start("call/caller_hears_bye.xml", SippPhone.demo("104") + ";103",
                    "-auth_uri", "103@" + SippPhone.DEMO_DOMAIN);

            try {
                NodeDatabase.awaitCount("select count(*) from active_call where caller = '104' and callee = '103'", 1);
                browser.awaitText("active-call-count", "1 call");
                browser.awaitGridText("active-calls", "Ringing");
                assertThat(browser.gridText("active-calls")).contains("104 (Dave Dunn)").contains("103 (Carol Chen)");
                browser.awaitGridText("active-calls", "Talking");
                browser.screenshot("active-calls");
                browser.awaitText("active-call-count", "0 calls");
            } catch (RuntimeException | AssertionError e) {
                // what the page, the database and both phones saw, since the call is over by the time anyone looks
                throw new AssertionError("the live page did not follow the call (picture: "
                        + browser.screenshotToTemporaryFile() + ")\npage: " + browser.script("return document.body.innerText")
                        + "\ncalls listed in the database now: " + NodeDatabase.single("select count(*)::text from active_call")
                        + "\ncaller: " + caller.output() + "\nphone: " + phone.output(), e);
            }
            assertThat(browser.script("return window.tandemNotReloaded === true")).as("the page was not reloaded")
                    .isEqualTo(true);
            assertThat(caller.exitCode()).as("sipp: INVITE, 407, INVITE with digest, 180, 200, ACK, BYE from the phone\n"
                    + caller.output()).isZero();
        } finally {
            phone.stop();
        }
        browser.open("tenants/" + otherTenant + "/active-calls");
        assertThat(browser.text("not-found")).isEqualTo("No such customer");
    }

    /**
     * The demo's tenant user sees extension 101's page, plays a message of its mailbox, reaches no admin page by its address, and
     * is told what is wrong with a new password (left unchanged).
     */
    void aTenantUserSeesTheirOwnPhoneAndNoAdminPage() throws Exception {
        inBrowser(browser -> {
            UUID acme = acme();
            browser.signIn(TENANT_USER, TENANT_USER_PASSWORD);
            browser.open("my-phone");
            assertThat(browser.text("own-extension")).isEqualTo("My phone: 101 Alice Archer");
            browser.screenshot("my-phone");

            // the demo's messages in 101's mailbox, one played by the page's audio element from the file store
            browser.open("my-voicemail");
            browser.awaitText("mailbox-title", "Mailbox 101 Alice Archer");
            browser.awaitGridText("voicemail-messages", "Bob Baker (102)");
            browser.clickButtonLabelled("Play");
            Object seconds = null;
            for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos(); System.nanoTime() < deadline; ) {
                seconds = browser.script("const a = document.getElementById('voicemail-player'); "
                        + "return a && a.readyState > 0 ? a.duration : null");
                if (seconds != null) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(seconds).as("the browser loaded the recording's WAV").isNotNull();
            assertThat(((Number) seconds).doubleValue()).as("a demo message lasts 2 or 3 s").isBetween(1.9, 3.1);

            for (String path : new String[]{"tenants/" + acme + "/extensions", "tenants/" + acme + "/voicemail",
                    "tenants/" + acme + "/registrations",
                    "tenants/" + acme + "/active-calls", "tenants/" + acme + "/calls", "customers", "api-tokens"}) {
                browser.open(path);
                assertThat(browser.text("no-access")).as(path).isEqualTo("Your login has no access to this page");
            }

            String hash = NodeDatabase.single("select password_hash from portal_account where username = ?", TENANT_USER);
            browser.open("account/password");
            browser.type("current-password", "not-the-password");
            browser.type("new-password", "short");
            browser.type("repeated-password", "other");
            browser.click("change-password");
            browser.awaitProperty("current-password", "errorMessage", "This is not your current password");
            browser.awaitProperty("new-password", "errorMessage", "Password must be at least 12 characters long");
            browser.awaitProperty("repeated-password", "errorMessage", "The two new passwords differ");
            browser.screenshot("change-password");
            assertThat(NodeDatabase.single("select password_hash from portal_account where username = ?", TENANT_USER))
                    .as("the password is unchanged").isEqualTo(hash);
        });
    }

    void aTenantAdminEditingIdsInTheUrlReachesNoOtherTenant() throws Exception {
        inBrowser(this::probeAsTenantAdmin);
    }

    private void probeAsTenantAdmin(Browser browser) throws SQLException {
        UUID acme = openAcmePageAsAdmin(browser, "extensions");
        assertThat(browser.text("tenant-name")).isEqualTo("Extensions of Acme Ltd");
        browser.screenshot("extensions");
        browser.open("tenants/" + acme + "/calls");
        assertThat(browser.text("calls-summary")).containsPattern("^[0-9]+");
        browser.screenshot("calls");

        for (String path : new String[]{"tenants/" + otherTenant + "/extensions", "tenants/" + otherTenant + "/registrations",
                "tenants/" + UUID.randomUUID() + "/extensions"}) {
            browser.open(path);
            assertThat(browser.text("not-found")).as(path).isEqualTo("No such customer");
        }
        for (String path : new String[]{"customers", "customers/new", "customers/" + otherTenant}) {
            browser.open(path);
            assertThat(browser.text("no-access")).as(path).isEqualTo("Your login has no access to this page");
        }
    }

    void theOperatorSeesThePoolsAndNodes() throws Exception {
        inBrowser(browser -> {
            browser.signIn("operator", "tandem-operator");
            browser.open("cluster");
            assertThat(browser.gridText("pools")).contains("demo-pool").contains("node1");
            assertThat(browser.gridText("nodes")).contains("node1").contains("demo-pool (primary)").contains("UP")
                    .contains("listening").contains("reachable").contains("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/");
            assertThat(browser.text("replication-alone")).isEqualTo("node1 replicates with no other node: it is in no cluster.");
            browser.screenshot("cluster");
        });
    }

    /**
     * The operator adds a node started empty by its database address; the steps and the outcome come
     * over the page's WebSocket; then the operator removes it again (the node under test is alone after).
     */
    void theOperatorAddsANodeAndRemovesItAgain() throws Exception {
        try (EmptyNode node = EmptyNode.start()) {
            inBrowser(browser -> {
                browser.signIn("operator", "tandem-operator");
                browser.open("cluster");
                browser.click("add-node");
                browser.type("new-node-address", node.address());
                browser.click("start-join");
                browser.awaitTextStarting("membership-outcome", node.name + " joined the cluster; it replicates with node1.");
                assertThat(browser.text("membership-steps")).contains("✔ checks", "✔ subscriptions", "✔ copy", "✔ done");
                assertThat(node.count("select count(*) from extension")).as("the copy").isPositive();
                browser.awaitGridText("replication", node.name);
                browser.scrollTo("nodes");
                browser.screenshot("cluster-add-node");

                browser.clickInGrid("remove-" + node.name);
                browser.click("confirm-removal");
                browser.awaitTextStarting("membership-outcome", node.name + " is no longer a member.");
                assertThat(browser.text("replication-alone")).isEqualTo("node1 replicates with no other node: it is in no cluster.");
                assertThat(node.count("select count(*) from pg_subscription")).isZero();
            });
        }
    }

    void aResellerEditingIdsInTheUrlReachesNoOtherResellersCustomer() throws Exception {
        inBrowser(this::probeAsOtherReseller);
    }

    private void probeAsOtherReseller(Browser browser) throws SQLException {
        UUID acme = acme();
        browser.signIn(OTHER_RESELLER, OTHER_PASSWORD);
        browser.open("customers");
        assertThat(browser.gridText("customers")).contains("Other Co").doesNotContain("Acme");

        for (String path : new String[]{"customers/" + acme, "tenants/" + acme + "/extensions",
                "tenants/" + acme + "/registrations"}) {
            browser.open(path);
            assertThat(browser.text("not-found")).as(path).isEqualTo("No such customer");
        }
        assertThat(NodeDatabase.single("select status from tenant where id = ?", acme)).isEqualTo("ACTIVE");
    }
}
