package org.tandem.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.storage.demo.DemoData;
import org.tandem.testsupport.database.ExtensionRow;
import org.tandem.testsupport.database.TenantRow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database refuses bad rows on its own, whatever code writes them (a bug, a script, a
 * replicated row), and names the rule it enforced.
 */
class ConstraintsTest {

    @TempDir
    static Path folder;
    static TestDatabase database;
    static UUID tenantId;
    static UUID nodeId;

    @BeforeAll
    static void start() {
        database = TestDatabase.startIn(folder);
        Node node = new Node("node1", new NetworkAddress("127.0.0.1", 5060), "127.0.0.1");
        database.inTransaction(entityManager -> {
            entityManager.persist(node);
            DemoData.seedIfEmpty(entityManager, node);
        });
        nodeId = node.id();
        tenantId = UUID.fromString(query("select id from tenant"));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void refusesAnExtensionWhoseSecretIsNotADigestHash() {
        assertThatThrownBy(() -> execute("insert into extension (id, tenant_id, number, display_name, ha1_md5, ha1_sha256, created_at) "
                + "values (gen_random_uuid(), '" + tenantId + "', '199', 'Plain', 'password-in-clear-text-000000000', '"
                + "0".repeat(64) + "', now())"))
                .hasMessageContaining("extension_ha1_md5_format");
    }

    @Test
    void refusesAMalformedSipDomainAndAnUnknownStatus() {
        assertThatThrownBy(() -> execute("update tenant set status = 'DELETED'")).hasMessageContaining("tenant_status_known");
        assertThatThrownBy(() -> execute("insert into tenant select gen_random_uuid(), reseller_id, pool_id, 'X', "
                + "'Bad_Domain', 1, 1, 1, 'ACTIVE', now(), 0 from tenant"))
                .hasMessageContaining("tenant_sip_domain_format");
    }

    @Test
    void refusesALoginWhoseScopeDoesNotFitItsRole() {
        assertThatThrownBy(() -> execute("insert into portal_account (id, username, password_hash, role, tenant_id, created_at) "
                + "values (gen_random_uuid(), 'sneaky', 'pbkdf2-sha256$1$a$b', 'OPERATOR', '" + tenantId + "', now())"))
                .hasMessageContaining("portal_account_role_scope");
    }

    @Test
    void aTenantUserSeesOnlyAnExtensionOfItsOwnTenantAndLosesItWithTheExtension() throws SQLException {
        String user = "insert into portal_account (id, username, password_hash, role, tenant_id, extension_id, created_at) "
                + "values (gen_random_uuid(), '%s', 'pbkdf2-sha256$1$a$b', '%s', '%s', %s, now())";
        UUID other = TenantRow.besides(tenantId, "other.tandem.test").plan(1, 1, 1).insertInto(database.dataSource());
        ExtensionRow.extension(other, "other.tandem.test", "301").insertInto(database.dataSource());
        String othersExtension = "(select id from extension where tenant_id = '" + other + "')";
        String ownExtension = "(select id from extension where tenant_id = '" + tenantId + "' and number = '105')";

        assertThatThrownBy(() -> execute(user.formatted("sneaky.user", "TENANT_USER", tenantId, othersExtension)))
                .hasMessageContaining("portal_account_extension_of_own_tenant");
        assertThatThrownBy(() -> execute(user.formatted("sneaky.admin", "TENANT_ADMIN", tenantId, ownExtension)))
                .hasMessageContaining("portal_account_extension_only_for_tenant_users");

        execute(user.formatted("erin.user", "TENANT_USER", tenantId, ownExtension));
        execute("delete from extension where tenant_id = '" + tenantId + "' and number = '105'");
        assertThat(query("select coalesce(extension_id::text, 'none') from portal_account where username = 'erin.user'"))
                .isEqualTo("none");
    }

    @Test
    void callRecordsAreInsertOnly() throws SQLException {
        UUID record = UUID.randomUUID();
        execute("insert into call_record (id, tenant_id, node_id, caller, callee, started_at, answered_at, ended_at, "
                + "disposition, sip_cause) values ('" + record + "', '" + tenantId + "', '" + nodeId + "', '101', '102', "
                + "now() - interval '1 minute', now() - interval '50 seconds', now(), 'ANSWERED', 200)");

        assertThatThrownBy(() -> execute("update call_record set callee = '103' where id = '" + record + "'"))
                .hasMessageContaining("call_record rows are insert-only: UPDATE refused");
        assertThatThrownBy(() -> execute("delete from call_record where id = '" + record + "'"))
                .hasMessageContaining("call_record rows are insert-only: DELETE refused");
        assertThat(query("select callee from call_record where id = '" + record + "'")).isEqualTo("102");
    }

    @Test
    void refusesACallRecordEndingBeforeItStarted() {
        assertThatThrownBy(() -> execute("insert into call_record (id, tenant_id, node_id, caller, callee, started_at, ended_at, "
                + "disposition, sip_cause) values (gen_random_uuid(), '" + tenantId + "', '" + nodeId + "', '101', '102', "
                + "now(), now() - interval '1 second', 'FAILED', 500)"))
                .hasMessageContaining("call_record_times_ordered");
    }

    @Test
    void refusesAContactLimitOutsideOneToTwenty() throws SQLException {
        assertThat(query("select max_contacts from extension where number = '101'")).isEqualTo("5");
        assertThatThrownBy(() -> execute("update extension set max_contacts = 0"))
                .hasMessageContaining("extension_max_contacts_range");
        assertThatThrownBy(() -> execute("update extension set max_contacts = 21"))
                .hasMessageContaining("extension_max_contacts_range");
    }

    @Test
    void refusesABindingThatExpiresBeforeItWasTakenOrHasNoFlow() {
        String values = "values (gen_random_uuid(), '" + nodeId + "', '" + tenantId + "', '101', 'sip:101@192.0.2.1', ";
        assertThatThrownBy(() -> execute("insert into registration (id, node_id, tenant_id, extension_number, contact_uri, "
                + "flow, call_id, cseq, registered_at, expires_at) " + values
                + "'udp:192.0.2.1:5060', 'c1', 1, now(), now() - interval '1 second')"))
                .hasMessageContaining("registration_times_ordered");
        assertThatThrownBy(() -> execute("insert into registration (id, node_id, tenant_id, extension_number, contact_uri, "
                + "flow, call_id, cseq, registered_at, expires_at) " + values
                + "'somewhere', 'c1', 1, now(), now() + interval '1 hour')"))
                .hasMessageContaining("registration_flow_format");
    }

    @Test
    void refusesAPoolBackedByItsOwnPrimary() {
        assertThatThrownBy(() -> execute("update pool set secondary_node_id = primary_node_id"))
                .hasMessageContaining("pool_nodes_distinct");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(String sql) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
