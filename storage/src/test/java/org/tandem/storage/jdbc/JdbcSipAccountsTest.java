package org.tandem.storage.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.domain.extension.SipCredentials;
import org.tandem.domain.tenant.SipDigest;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcSipAccountsTest {

    @TempDir
    static Path folder;
    static TestDatabase database;
    static JdbcSipAccounts accounts;
    static Tenant alpha;
    static Tenant beta;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.startIn(folder);
        List<Tenant> tenants = database.seedTenants(new SipDomain("alpha.example.com"), new SipDomain("beta.example.com"));
        alpha = tenants.getFirst();
        beta = database.fetch(entityManager -> {
            Tenant suspended = entityManager.merge(tenants.getLast());
            suspended.suspend();
            return suspended;
        });
        database.inTransaction(entityManager -> {
            entityManager.persist(new Extension(alpha, new ExtensionNumber("101"), "Alpha 101", "alpha-secret".toCharArray()));
            entityManager.persist(new Extension(beta, new ExtensionNumber("101"), "Beta 101", "beta-secret".toCharArray()));
        });
        execute("update extension set max_contacts = 3 where tenant_id = '" + alpha.id() + "'");
        accounts = new JdbcSipAccounts(database.dataSource());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void findsTheAccountOfANumberInItsDomainOnly() {
        SipAccount found = accounts.find(new SipDomain("Alpha.Example.com"), "101").orElseThrow();

        assertThat(found.tenantId()).isEqualTo(alpha.id());
        assertThat(found.tenantActive()).isTrue();
        assertThat(found.number()).isEqualTo(new ExtensionNumber("101"));
        assertThat(found.credentials()).isEqualTo(SipCredentials.derive("101", "alpha.example.com", "alpha-secret".toCharArray()));
        assertThat(found.maxContacts()).isEqualTo(3);
    }

    @Test
    void carriesTheTenantsDigestChoiceMd5ByDefault() throws SQLException {
        assertThat(accounts.digestOf(new SipDomain("alpha.example.com"))).isEqualTo(SipDigest.MD5);
        assertThat(accounts.find(new SipDomain("alpha.example.com"), "101").orElseThrow().digest()).isEqualTo(SipDigest.MD5);
        assertThat(accounts.digestOf(new SipDomain("nowhere.example.com"))).isEqualTo(SipDigest.DEFAULT);

        execute("update tenant set sip_digest = 'SHA-256' where id = '" + beta.id() + "'");
        assertThat(accounts.digestOf(new SipDomain("beta.example.com"))).isEqualTo(SipDigest.SHA_256);
        assertThat(accounts.find(new SipDomain("beta.example.com"), "101").orElseThrow().digest()).isEqualTo(SipDigest.SHA_256);
        assertThat(accounts.all(10)).extracting(listed -> listed.account().digest())
                .containsExactlyInAnyOrder(SipDigest.MD5, SipDigest.SHA_256);
        assertThatThrownBy(() -> execute("update tenant set sip_digest = 'SHA-512' where id = '" + beta.id() + "'"))
                .as("the database knows the choices").hasMessageContaining("tenant_sip_digest_known");
    }

    @Test
    void theSameNumberInAnotherTenantIsAnotherAccount() {
        SipAccount ofBeta = accounts.find(new SipDomain("beta.example.com"), "101").orElseThrow();

        assertThat(ofBeta.tenantId()).isEqualTo(beta.id());
        assertThat(ofBeta.credentials()).isEqualTo(SipCredentials.derive("101", "beta.example.com", "beta-secret".toCharArray()));
        assertThat(ofBeta.maxContacts()).isEqualTo(Extension.DEFAULT_MAX_CONTACTS);
        assertThat(ofBeta.tenantActive()).as("beta is suspended").isFalse();
    }

    @Test
    void unknownDomainsNumbersAndNonNumericNamesFindNothing() {
        assertThat(accounts.find(new SipDomain("gamma.example.com"), "101")).isEmpty();
        assertThat(accounts.find(new SipDomain("alpha.example.com"), "102")).isEmpty();
        assertThat(accounts.find(new SipDomain("alpha.example.com"), "101' or '1'='1")).isEmpty();
        assertThat(accounts.find(new SipDomain("alpha.example.com"), null)).isEmpty();
    }

    @Test
    void listsEveryAccountWithItsDomainUpToTheLimit() {
        assertThat(accounts.all(10)).containsExactlyInAnyOrder(
                new SipAccounts.InDomain(new SipDomain("alpha.example.com"), accounts.find(new SipDomain("alpha.example.com"), "101").orElseThrow()),
                new SipAccounts.InDomain(new SipDomain("beta.example.com"), accounts.find(new SipDomain("beta.example.com"), "101").orElseThrow()));
        assertThat(accounts.all(1)).hasSize(1);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
