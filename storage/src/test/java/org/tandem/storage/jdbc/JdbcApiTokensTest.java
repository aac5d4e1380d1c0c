package org.tandem.storage.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.Role;
import org.tandem.domain.apitoken.ApiToken;
import org.tandem.domain.apitoken.ApiTokenSecret;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API tokens against a real PostgreSQL: lookup by prefix, listing by scope, revocation once, use per node. */
class JdbcApiTokensTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @TempDir
    static Path folder;
    static TestDatabase database;
    static JdbcApiTokens tokens;
    static JdbcApiTokens onNodeB;
    static PortalAccount resellerAdmin;
    static PortalAccount tenantAdmin;
    static Reseller reseller;
    static Tenant tenant;

    @BeforeAll
    static void start() {
        database = TestDatabase.startIn(folder);
        database.inTransaction(entityManager -> {
            reseller = TestDatabase.persistReseller(entityManager);
            Node a = new Node("node-a", new NetworkAddress("127.0.0.1", 5060), "127.0.0.1");
            entityManager.persist(a);
            entityManager.persist(new Node("node-b", new NetworkAddress("127.0.0.2", 5060), "127.0.0.2"));
            Pool pool = Pool.ofOneNode("pool-a", a);
            entityManager.persist(pool);
            tenant = new Tenant(reseller.id(), pool.id(), "Alpha", new SipDomain("alpha.example.com"), new PlanLimits(10, 5, 2));
            entityManager.persist(tenant);
            resellerAdmin = PortalAccount.resellerAdmin("rita", "pw".toCharArray(), reseller.id());
            tenantAdmin = PortalAccount.tenantLogin("tom@alpha", "pw".toCharArray(), Role.TENANT_ADMIN, tenant.id());
            entityManager.persist(resellerAdmin);
            entityManager.persist(tenantAdmin);
        });
        tokens = new JdbcApiTokens(database.dataSource(), "node-a");
        onNodeB = new JdbcApiTokens(database.dataSource(), "node-b");
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aTokenIsFoundByItsPrefixWithItsOwnerAndOnlyItsHash() {
        ApiTokenSecret secret = ApiTokenSecret.generate();
        ApiToken token = ApiToken.issue(tenantAdmin.id(), tenantAdmin.username(), "provisioning", secret, NOW,
                NOW.plusSeconds(86_400));
        tokens.add(token);

        ApiToken found = tokens.findByPrefix(secret.prefix()).orElseThrow();

        assertThat(found).isEqualTo(token);
        assertThat(found.accountUsername()).isEqualTo("tom@alpha");
        assertThat(ApiTokenSecret.parse(secret.text()).orElseThrow().matches(found.secretSha256())).isTrue();
        assertThat(tokens.find(token.id())).contains(token);
        assertThat(tokens.findByPrefix("zzzzzzzzzzzz")).isEmpty();
    }

    @Test
    void tokensAreListedByTheScopeOfTheirLogin() {
        ApiToken ofReseller = issue(resellerAdmin, "billing sync");
        ApiToken ofTenant = issue(tenantAdmin, "phones");

        assertThat(tokens.ofReseller(reseller.id())).contains(ofReseller).doesNotContain(ofTenant);
        assertThat(tokens.ofTenant(tenant.id())).contains(ofTenant).doesNotContain(ofReseller);
    }

    @Test
    void revokingTwiceKeepsTheFirstTime() {
        ApiToken token = issue(tenantAdmin, "to revoke");

        assertThat(tokens.revoke(token.id(), NOW.plusSeconds(10))).isTrue();
        assertThat(tokens.revoke(token.id(), NOW.plusSeconds(20))).isFalse();

        assertThat(tokens.find(token.id()).orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void eachNodeNotesItsOwnUseAtMostOnceAMinuteAndTheLatestIsRead() throws SQLException {
        ApiToken token = issue(tenantAdmin, "busy script");
        assertThat(token.lastUsedAt()).isNull();

        tokens.recordUse(token.id(), NOW.plusSeconds(1));
        tokens.recordUse(token.id(), NOW.plusSeconds(30));
        assertThat(tokens.find(token.id()).orElseThrow().lastUsedAt()).isEqualTo(NOW.plusSeconds(1));

        tokens.recordUse(token.id(), NOW.plusSeconds(90));
        onNodeB.recordUse(token.id(), NOW.plusSeconds(100));
        assertThat(tokens.find(token.id()).orElseThrow().lastUsedAt()).isEqualTo(NOW.plusSeconds(100));
        assertThat(count("select count(*) from api_token_use where token_id = '" + token.id() + "'")).isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesAClearSecretAndAnExpiryBeforeCreation() {
        assertThatThrownBy(() -> execute("insert into api_token (id, account_id, label, prefix, secret_sha256, created_at, "
                + "role, tenant_id) values (gen_random_uuid(), '" + tenantAdmin.id() + "', 'x', 'abcdefabcdef', '"
                + "tdm_" + "A".repeat(60) + "', now(), 'TENANT_ADMIN', '" + tenantAdmin.tenantId().orElseThrow() + "')"))
                .hasMessageContaining("api_token_secret_hashed");
        assertThatThrownBy(() -> execute("insert into api_token (id, account_id, label, prefix, secret_sha256, created_at, "
                + "expires_at, role, tenant_id) values (gen_random_uuid(), '" + tenantAdmin.id() + "', 'x', 'abcdefabcdeg', '"
                + "0".repeat(64) + "', now(), now() - interval '1 day', 'TENANT_ADMIN', '" + tenantAdmin.tenantId().orElseThrow() + "')"))
                .hasMessageContaining("api_token_expires_after_creation");
    }

    private static ApiToken issue(PortalAccount account, String name) {
        ApiToken token = ApiToken.issue(account.id(), account.username(), name, ApiTokenSecret.generate(), NOW, null);
        tokens.add(token);
        return token;
    }

    private static long count(String query) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
