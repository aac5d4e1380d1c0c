package org.tandem.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.storage.schema.SchemaMigration;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema obeys the rules that make multi-master replication conflict-free (docs/architecture.md). */
class SchemaMigrationTest {

    @TempDir
    static Path folder;
    static TestDatabase database;

    @BeforeAll
    static void start() {
        database = TestDatabase.startIn(folder);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void appliesEveryMigrationOnceAndIsANoOpTheSecondTime() throws SQLException {
        assertThat(strings("select version from flyway_schema_history where success order by installed_rank"))
                .containsExactlyElementsOf(TestDatabase.shippedMigrationVersions());
        assertThat(SchemaMigration.migrate(database.dataSource())).isEqualTo(TestDatabase.latestMigrationVersion());
        assertThat(strings("select version from flyway_schema_history order by installed_rank"))
                .hasSameSizeAs(TestDatabase.shippedMigrationVersions());
    }

    @Test
    void noTableUsesASequenceOrIdentity() throws SQLException {
        assertThat(strings("select sequence_name from information_schema.sequences where sequence_schema = 'public'"))
                .isEmpty();
        assertThat(strings("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and (is_identity = 'YES' or column_default like 'nextval%')"""))
                .isEmpty();
    }

    @Test
    void everyTandemTableHasAUuidPrimaryKey() throws SQLException {
        // ring_group_member is keyed by its group and position: a row owned by its group, written in
        // the group's transaction on the tenant's home node; its key leads with the group's uuid.
        // api_token_use is keyed by its token and the node that owns (alone writes) the row.
        // node_call_count is keyed by its node and tenant: only that node ever writes the row.
        // node_heartbeat is keyed by its node: only that node ever writes the row.
        // voicemail_box is keyed by its extension's id: one mailbox per extension, written on the home node.
        // voicemail_message_filed is keyed by its message and the node that owns (alone writes) the row.
        List<String> keys = strings("""
                select c.table_name || ':' || string_agg(c.column_name || ' ' || c.data_type, ',' order by k.ordinal_position)
                from information_schema.table_constraints t
                join information_schema.key_column_usage k on k.constraint_name = t.constraint_name
                join information_schema.columns c on c.table_name = k.table_name and c.column_name = k.column_name
                where t.constraint_type = 'PRIMARY KEY' and t.table_schema = 'public'
                  and t.table_name <> 'flyway_schema_history'
                group by c.table_name
                order by 1""");
        assertThat(keys).containsExactly("active_call:id uuid", "api_token:id uuid",
                "api_token_use:token_id uuid,node_id uuid", "call_record:id uuid", "extension:id uuid", "node:id uuid",
                "node_call_count:node_id uuid,tenant_id uuid", "node_heartbeat:node_id uuid",
                "operator:id uuid", "pool:id uuid", "portal_account:id uuid", "registration:id uuid",
                "reseller:id uuid", "ring_group:id uuid",
                "ring_group_member:ring_group_id uuid,position integer", "tenant:id uuid",
                "voicemail_box:extension_id uuid", "voicemail_message:id uuid",
                "voicemail_message_filed:message_id uuid,node_id uuid");
    }

    @Test
    void bindingsAreKeyedByTheNodeThatTookThem() throws SQLException {
        // node_id in the unique key: the same phone on two nodes (a failover) is two rows, never a conflict
        assertThat(strings("""
                select string_agg(a.attname, ',' order by k.ord)
                from pg_constraint c
                cross join lateral unnest(c.conkey) with ordinality as k(attnum, ord)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                where c.conname = 'registration_binding_unique'"""))
                .containsExactly("node_id,tenant_id,extension_number,contact_uri");
    }

    @Test
    void registrationChangesAreNotifiedAlsoWhenReplicatedFromAnotherNode() throws SQLException {
        // 'A' = ENABLE ALWAYS: the logical-replication apply worker fires it too (V10)
        assertThat(strings("select tgenabled from pg_trigger where tgname = 'registration_changed'"))
                .containsExactly("A");
    }

    private static List<String> strings(String query) {
        return database.strings(query);
    }
}
