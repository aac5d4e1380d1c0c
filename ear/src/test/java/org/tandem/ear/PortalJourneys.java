package org.tandem.ear;

import org.tandem.domain.account.PasswordHash;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal of a whole node in a real browser (Debian's headless chromium), run by
 * {@link TandemNodeIT} on its deployment: a reseller onboards a customer, the customer's admin adds an
 * extension, a SIPp phone registers with the credentials the page showed once, and the live view
 * shows it without a reload; a suspended customer's phone is then refused by the engine. Then the
 * probes: tenant admins and resellers editing ids in URLs reach nothing of anyone else's.
 */
final class PortalJourneys {

    private static final String RESELLER = "reseller";
    private static final String RESELLER_PASSWORD = "tandem-reseller";
    private static final String ACME_ADMIN = "admin@acme";
    private static final String ACME_ADMIN_PASSWORD = "tandem-admin";
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
        UUID otherTenant = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        NodeDatabase.execute("insert into reseller (id, operator_id, name, created_at) "
                + "select ?, id, 'Other Reseller', ? from operator limit 1", reseller, now);
        NodeDatabase.execute("insert into tenant (id, reseller_id, pool_id, company_name, sip_domain, max_extensions, "
                        + "max_concurrent_calls, max_calls_per_second, status, created_at) "
                        + "select ?, ?, id, 'Other Co', ?, 10, 5, 5, 'ACTIVE', ? from pool limit 1",
                otherTenant, reseller, OTHER_DOMAIN, now);
        NodeDatabase.execute("insert into portal_account (id, username, password_hash, role, reseller_id, created_at) "
                        + "values (?, ?, ?, 'RESELLER_ADMIN', ?, ?)", UUID.randomUUID(), OTHER_RESELLER,
                PasswordHash.of(OTHER_PASSWORD.toCharArray()).encoded(), reseller, now);
        return new PortalJourneys(otherTenant);
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

    void aResellerOnboardsACustomerWhosePhoneShowsUpLiveAndIsRefusedOnceSuspended() throws Exception {
        inBrowser(this::onboardRegisterSuspend);
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
                "-auth_uri", domain, "-m", "1");
        assertThat(phone.exitCode()).as("sipp: REGISTER, 401, REGISTER with digest, 200\n" + phone.output()).isZero();

        browser.awaitText("registration-count", "1 phone registered");
        assertThat(browser.script("return window.tandemNotReloaded === true")).as("the page was not reloaded").isEqualTo(true);
        assertThat(browser.gridText("registrations")).contains("201").contains("Browser Phone").contains("SIPp");
        browser.screenshot("registrations");
        browser.signOut();

        browser.signIn(RESELLER, RESELLER_PASSWORD);
        browser.open("customers/" + tenant);
        browser.click("suspend");
        browser.awaitTextStarting("customer-status", "Suspended");
        SippPhone refused = SippPhone.start("register_wrong_password.xml", SippPhone.line("201", domain, password),
                "-auth_uri", domain, "-m", "1");
        assertThat(refused.exitCode()).as("sipp: the right password of a suspended customer gets 403\n" + refused.output())
                .isZero();
        browser.click("resume");
        browser.awaitTextStarting("customer-status", "Active");
    }

    void aTenantAdminEditingIdsInTheUrlReachesNoOtherTenant() throws Exception {
        inBrowser(this::probeAsTenantAdmin);
    }

    private void probeAsTenantAdmin(Browser browser) throws SQLException {
        UUID acme = UUID.fromString(NodeDatabase.single("select id::text from tenant where sip_domain = 'acme.tandem.test'"));
        browser.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD);
        browser.open("tenants/" + acme + "/extensions");
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
            assertThat(browser.gridText("nodes")).contains("node1").contains("demo-pool (primary)");
            browser.screenshot("cluster");
        });
    }

    void aResellerEditingIdsInTheUrlReachesNoOtherResellersCustomer() throws Exception {
        inBrowser(this::probeAsOtherReseller);
    }

    private void probeAsOtherReseller(Browser browser) throws SQLException {
        UUID acme = UUID.fromString(NodeDatabase.single("select id::text from tenant where sip_domain = 'acme.tandem.test'"));
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
