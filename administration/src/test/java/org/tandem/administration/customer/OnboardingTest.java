package org.tandem.administration.customer;

import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.TenantStatus;
import org.tandem.storage.jdbc.JdbcSipAccounts;
import org.tandem.storage.jpa.JpaPortalAccountRepository;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.OPERATOR;

class OnboardingTest {

    private static final String STRONG = "Blue-Harbour-42-Lights";

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private final Actor reseller = fixture.actor(NORTHWIND_ADMIN);

    private Onboarding form(String company, String domain, String admin, String password, int maxExtensions) {
        return new Onboarding(null, company, domain, admin, password.toCharArray(), maxExtensions, 10, 5);
    }

    @Test
    void onboardingCreatesTheTenantAndAnAdminWhoCanSignIn() {
        String domain = fixture.unique("bright") + ".example.com";
        String admin = fixture.unique("boss@bright");

        Customer customer = fixture.customers.onboard(reseller, form("Bright Ideas GmbH", domain, admin, STRONG, 25));

        CustomerSummary summary = customer.summary();
        assertThat(summary.companyName()).isEqualTo("Bright Ideas GmbH");
        assertThat(summary.sipDomain()).isEqualTo(domain);
        assertThat(summary.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(summary.resellerName()).isEqualTo("Northwind Telecom");
        assertThat(summary.maxExtensions()).isEqualTo(25);
        assertThat(summary.extensions()).isZero();
        assertThat(customer.adminUsernames()).containsExactly(admin);
        PortalAccount account = fixture.database().fetch(entityManager ->
                new JpaPortalAccountRepository(entityManager).findByUsername(admin).orElseThrow());
        assertThat(account.canSignIn(STRONG.toCharArray())).isTrue();
        assertThat(account.tenantId()).contains(summary.id());
        assertThat(fixture.customers.search(reseller, "bright ideas")).extracting(CustomerSummary::id).contains(summary.id());
    }

    @Test
    void ringGroupLimitsGivenAtOnboardingAreThePlansAndBadOnesAreRefused() {
        String domain = fixture.unique("ringy") + ".example.com";
        String admin = fixture.unique("boss@ringy");

        assertThatThrownBy(() -> fixture.customers.onboard(reseller, new Onboarding(null, "Ringy Ltd", domain, admin,
                STRONG.toCharArray(), 25, 10, 5, 3, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages()).containsEntry(
                        Onboarding.PLAN, "plan limit for members per ring group must be between 1 and 1000: 0"));
        CustomerSummary summary = fixture.customers.onboard(reseller, new Onboarding(null, "Ringy Ltd", domain, admin,
                STRONG.toCharArray(), 25, 10, 5, 3, 4)).summary();

        assertThat(summary).extracting(CustomerSummary::maxRingGroups, CustomerSummary::maxRingGroupMembers)
                .containsExactly(3, 4);
    }

    @Test
    void aNewCustomerGoesToThePoolServingFewerExtensions() {
        Actor operator = fixture.actor(OPERATOR);
        Customer first = fixture.customers.onboard(reseller, form("First Co", fixture.unique("first") + ".example.com",
                fixture.unique("first-admin"), STRONG, 1000));
        String firstPool = first.summary().poolName();
        Map<String, Long> extensionsPerPool = fixture.customers.search(operator, "").stream()
                .collect(Collectors.groupingBy(CustomerSummary::poolName, Collectors.summingLong(CustomerSummary::extensions)));
        String otherPool = firstPool.equals("pool-a") ? "pool-b" : "pool-a";
        long toAdd = extensionsPerPool.getOrDefault(otherPool, 0L) - extensionsPerPool.getOrDefault(firstPool, 0L) + 1;
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < toAdd; i++) {
            csv.append(2000 + i).append(",Phone ").append(i).append('\n');
        }
        assertThat(fixture.extensions.importCsv(reseller, first.summary().id(), csv.toString()).succeeded()).isTrue();

        Customer second = fixture.customers.onboard(reseller, form("Second Co", fixture.unique("second") + ".example.com",
                fixture.unique("second-admin"), STRONG, 10));

        assertThat(second.summary().poolName()).isEqualTo(otherPool);
    }

    @Test
    void theDnsRecordsPointAtThePoolsNodesPrimaryFirst() {
        String domain = fixture.unique("dns") + ".example.com";
        Customer customer = fixture.customers.onboard(reseller, form("DNS Co", domain, fixture.unique("dns-admin"), STRONG, 5));

        String pool = customer.summary().poolName();
        assertThat(customer.dnsRecords()).extracting(DnsRecord::zoneLine).containsExactlyElementsOf(pool.equals("pool-b")
                ? java.util.List.of(
                "_sip._udp." + domain + ". 300 IN SRV 10 0 5070 sip2.operator.test.",
                "_sip._udp." + domain + ". 300 IN SRV 20 0 5060 node3." + domain + ".",
                "_sip._tcp." + domain + ". 300 IN SRV 10 0 5070 sip2.operator.test.",
                "_sip._tcp." + domain + ". 300 IN SRV 20 0 5060 node3." + domain + ".",
                "node3." + domain + ". 300 IN A 127.0.0.3")
                : java.util.List.of(
                "_sip._udp." + domain + ". 300 IN SRV 10 0 5060 node1." + domain + ".",
                "_sip._tcp." + domain + ". 300 IN SRV 10 0 5060 node1." + domain + ".",
                "node1." + domain + ". 300 IN A 127.0.0.1"));
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndNothingIsCreated() {
        String admin = fixture.unique("weak-admin");
        assertThatThrownBy(() -> fixture.customers.onboard(reseller,
                new Onboarding(null, " ", "bad_name.example.com", admin, "short".toCharArray(), 0, 10, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(Onboarding.COMPANY, "Company name is required")
                        .containsEntry(Onboarding.SIP_DOMAIN, "SIP domain is not a valid DNS name: bad_name.example.com")
                        .containsEntry(Onboarding.ADMIN_PASSWORD, "Password must be at least 12 characters long")
                        .containsEntry(Onboarding.PLAN, "plan limit for extensions must be between 1 and 10000: 0")
                        .doesNotContainKey(Onboarding.ADMIN_USERNAME));
        boolean created = fixture.database().fetch(entityManager ->
                new JpaPortalAccountRepository(entityManager).findByUsername(admin).isPresent());
        assertThat(created).isFalse();
    }

    @Test
    void aTakenDomainAndATakenUsernameAreFieldMessagesNotDatabaseErrors() {
        assertThatThrownBy(() -> fixture.customers.onboard(reseller,
                form("Copycat", "ACME.fixture.test", AdministrationFixture.ACME_ADMIN, STRONG, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(Onboarding.SIP_DOMAIN, "This SIP domain is already used by another customer")
                        .containsEntry(Onboarding.ADMIN_USERNAME, "This username is already taken"));
    }

    @Test
    void aPasswordContainingTheUsernameIsRefused() {
        String admin = fixture.unique("marta");
        assertThatThrownBy(() -> fixture.customers.onboard(reseller, form("Marta Co", fixture.unique("marta") + ".example.com",
                admin, "Xy7!" + admin + "-2026", 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(Onboarding.ADMIN_PASSWORD, "Password must not contain the username"));
    }

    @Test
    void aSuspendedCustomersPhonesAreRefusedByTheEngineUntilResumed() {
        Customer customer = fixture.customers.onboard(reseller, form("Pause Co", fixture.unique("pause") + ".example.com",
                fixture.unique("pause-admin"), STRONG, 5));
        fixture.extensions.create(reseller, customer.summary().id(), "201", "Front desk");
        JdbcSipAccounts engineView = new JdbcSipAccounts(fixture.database().dataSource());
        SipDomain domain = new SipDomain(customer.summary().sipDomain());

        assertThat(fixture.customers.suspend(reseller, customer.summary().id()).status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(engineView.find(domain, "201").orElseThrow().tenantActive()).isFalse();

        assertThat(fixture.customers.resume(reseller, customer.summary().id()).status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(engineView.find(domain, "201").orElseThrow().tenantActive()).isTrue();
    }
}
