package org.tandem.storage;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.apitoken.ApiToken;
import org.tandem.domain.apitoken.ApiTokenSecret;
import org.tandem.domain.apitoken.ApiTokenStatus;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.jdbc.JdbcApiTokens;
import org.tandem.storage.schema.SchemaMigration;
import org.tandem.testsupport.ports.FreePorts;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data folder made before V50 (main's first API: a token per role and scope, V11) moved to tokens per
 * login: the tokens of resellers and tenants go to the earliest admin login of their scope and keep
 * working with the text their scripts hold; operator tokens are kept but revoked; a token of a scope
 * without any admin login goes, since nobody could see or revoke it. V11's columns stay filled, for
 * nodes still at V11 during a rolling upgrade.
 */
class ApiTokenMigrationTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final String SECRET = "a".repeat(40) + "b_-";

    @Test
    void tokensOfVersion11KeepWorkingUnderTheEarliestAdminOfTheirScope(@TempDir Path folder) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder, "127.0.0.1", FreePorts.udpAndTcp(),
                "tandem", "tandem", "tandem")) {
            DataSource dataSource = database.dataSource();
            Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(dataSource)
                    .locations("classpath:db/migration").target("11").load().migrate();
            UUID operator = UUID.randomUUID();
            UUID reseller = UUID.randomUUID();
            UUID tenant = UUID.randomUUID();
            UUID lonelyReseller = UUID.randomUUID();
            try (Connection db = dataSource.getConnection()) {
                execute(db, "insert into operator (id, name, created_at) values (?, 'Op', ?)", operator, CREATED);
                execute(db, "insert into reseller (id, operator_id, name, created_at) values (?, ?, 'R', ?), (?, ?, 'Lonely', ?)",
                        reseller, operator, CREATED, lonelyReseller, operator, CREATED);
                UUID node = UUID.randomUUID();
                UUID pool = UUID.randomUUID();
                execute(db, "insert into node (id, name, sip_host, sip_port, cluster_host, created_at) "
                        + "values (?, 'node1', '127.0.0.1', 5060, '127.0.0.1', ?)", node, CREATED);
                execute(db, "insert into pool (id, name, primary_node_id, created_at) values (?, 'p', ?, ?)", pool, node, CREATED);
                execute(db, "insert into tenant (id, reseller_id, pool_id, company_name, sip_domain, max_extensions, "
                        + "max_concurrent_calls, max_calls_per_second, status, created_at) "
                        + "values (?, ?, ?, 'T', 't.example.com', 5, 5, 5, 'ACTIVE', ?)", tenant, reseller, pool, CREATED);
                account(db, "ops", "OPERATOR", null, null, CREATED);
                account(db, "second@r", "RESELLER_ADMIN", reseller, null, CREATED.plusDays(1));
                account(db, "first@r", "RESELLER_ADMIN", reseller, null, CREATED);
                account(db, "admin@t", "TENANT_ADMIN", null, tenant, CREATED);
                account(db, "user@t", "TENANT_USER", null, tenant, CREATED.minusDays(1));
            }
            UUID resellerToken = v11Token(dataSource, "RESELLER_ADMIN", reseller, null);
            UUID tenantToken = v11Token(dataSource, "TENANT_ADMIN", null, tenant);
            UUID operatorToken = v11Token(dataSource, "OPERATOR", null, null);
            v11Token(dataSource, "RESELLER_ADMIN", lonelyReseller, null);

            assertThat(SchemaMigration.migrate(dataSource)).isEqualTo(TestDatabase.latestMigrationVersion());

            JdbcApiTokens tokens = new JdbcApiTokens(dataSource, "node1");
            Instant now = Instant.now();
            ApiToken ofReseller = stillWorks(tokens, resellerToken);
            assertThat(ofReseller.accountUsername()).isEqualTo("first@r");
            assertThat(ofReseller.name()).isEqualTo("v11 " + resellerToken);
            assertThat(ofReseller.status(now)).isEqualTo(ApiTokenStatus.ACTIVE);
            assertThat(tokens.ofReseller(reseller)).extracting(ApiToken::id).containsExactly(resellerToken);
            assertThat(stillWorks(tokens, tenantToken).accountUsername()).isEqualTo("admin@t");
            assertThat(tokens.ofTenant(tenant)).extracting(ApiToken::id).containsExactly(tenantToken);
            ApiToken ofOperator = tokens.find(operatorToken).orElseThrow();
            assertThat(ofOperator.accountUsername()).isEqualTo("ops");
            assertThat(ofOperator.status(now)).isEqualTo(ApiTokenStatus.REVOKED);
            assertThat(tokens.ofReseller(lonelyReseller)).isEmpty();
            assertThat(single(dataSource, "select count(*) from api_token")).isEqualTo("3");

            // a token made now is a whole V11 row too, so a node still at V11 applies it when it arrives
            ApiToken made = ApiToken.issue(ofReseller.accountId(), "first@r", "new", ApiTokenSecret.generate(), now, null);
            tokens.add(made);
            assertThat(single(dataSource, "select label || ' ' || role || ' ' || reseller_id || ' ' || (tenant_id is null) "
                    + "from api_token where id = '" + made.id() + "'")).isEqualTo("new RESELLER_ADMIN " + reseller + " true");
        }
    }

    private static String single(DataSource dataSource, String query) throws SQLException {
        try (Connection db = dataSource.getConnection(); var rows = db.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The token as its script presents it since V11 ({@code tdm_<id>_<secret>}) still finds and matches its row. */
    private static ApiToken stillWorks(JdbcApiTokens tokens, UUID id) {
        ApiTokenSecret presented = ApiTokenSecret.parse("tdm_" + id + "_" + SECRET).orElseThrow();
        ApiToken found = tokens.findByPrefix(presented.prefix()).orElseThrow();
        assertThat(found.id()).isEqualTo(id);
        assertThat(presented.matches(found.secretSha256())).isTrue();
        assertThat(ApiTokenSecret.parse("tdm_" + id + "_" + "c".repeat(43)).orElseThrow().matches(found.secretSha256()))
                .isFalse();
        return found;
    }

    /** A token row as V11's portal wrote it: the SHA-256 of the secret part only. */
    private static UUID v11Token(DataSource dataSource, String role, UUID reseller, UUID tenant) throws Exception {
        UUID id = UUID.randomUUID();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.US_ASCII)));
        try (Connection db = dataSource.getConnection()) {
            execute(db, "insert into api_token (id, label, secret_sha256, role, reseller_id, tenant_id, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", id, "v11 " + id, hash, role, reseller, tenant, CREATED);
        }
        return id;
    }

    private static void account(Connection db, String username, String role, UUID reseller, UUID tenant,
                                OffsetDateTime createdAt) throws SQLException {
        execute(db, "insert into portal_account (id, username, password_hash, role, reseller_id, tenant_id, created_at) "
                + "values (?, ?, 'pbkdf2-sha256$fixture', ?, ?, ?, ?)", UUID.randomUUID(), username, role, reseller, tenant, createdAt);
    }

    private static void execute(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
