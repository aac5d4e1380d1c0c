package org.tandem.storage.notification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.TestDatabase;
import org.tandem.testsupport.database.ExtensionRow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V30's triggers and the listener, on a real PostgreSQL: what changes in {@code extension}
 * and {@code tenant} is announced, what the engine does not use is not, and the announcements also
 * come for changes applied the way logical replication applies them.
 */
@Timeout(60)
class PostgresSipAccountChangesTest {


    @TempDir
    static Path folder;
    static TestDatabase database;
    static Tenant alpha;

    private final HeardChanges heard = new HeardChanges();
    private AutoCloseable listening;

    @BeforeAll
    static void start() {
        database = TestDatabase.startIn(folder);
        alpha = database.seedTenant(new SipDomain("alpha.example.com"));
        database.inTransaction(entityManager -> entityManager.persist(
                new Extension(alpha, new ExtensionNumber("101"), "Alpha 101", "secret".toCharArray())));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void listen() throws Exception {
        listening = new PostgresSipAccountChanges(database.dataSource()::getConnection).start(heard);
        heard.assertListening();
    }

    @AfterEach
    void stopListening() throws Exception {
        listening.close();
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /**
     * A change to an extension or its tenant, and what is heard of it: nothing when it changes
     * nothing a phone's authentication reads. The cases run in order, one a listener.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a new display name is not announced     | update extension set display_name = 'Renamed' where number = '101'                 | ""
            a new password is announced             | update extension set ha1_md5 = md5('x'), max_contacts = 2 where number = '101'      | account alpha.example.com 101
            a new company name is not announced     | update tenant set company_name = 'Alpha Ltd' where sip_domain = 'alpha.example.com' | ""
            a suspended tenant is announced         | update tenant set status = 'SUSPENDED' where sip_domain = 'alpha.example.com'      | domain alpha.example.com
            a resumed and replanned tenant is too   | update tenant set status = 'ACTIVE', max_calls_per_second = 3 where sip_domain = 'alpha.example.com' | domain alpha.example.com
            a new digest choice is announced        | update tenant set sip_digest = 'SHA-256,MD5' where sip_domain = 'alpha.example.com' | domain alpha.example.com
            and so is the old one again             | update tenant set sip_digest = 'MD5' where sip_domain = 'alpha.example.com'         | domain alpha.example.com
            """)
    void aChangeIsAnnouncedWhenPhonesAuthenticateByWhatItChanges(String change, String sql, String announced)
            throws Exception {
        execute(sql);
        if (announced.isEmpty()) {
            assertThat(heard.quietly()).as(change).isEmpty();
        } else {
            assertThat(heard.next()).as(change).isEqualTo(announced);
        }
    }

    @Test
    void anExtensionAddedOrRemovedIsAnnounced() throws Exception {
        ExtensionRow.extension(alpha.id(), "alpha.example.com", "102").insertInto(database.dataSource());
        assertThat(heard.next()).isEqualTo("account alpha.example.com 102");

        execute("delete from extension where number = '102'");
        assertThat(heard.next()).isEqualTo("account alpha.example.com 102");
    }

    @Test
    void aChangeAppliedAsReplicationAppliesItIsAnnouncedToo() throws Exception {
        database.executeAsReplicationApplies(
                "update public.extension set ha1_sha256 = encode(sha256('y'), 'hex') where number = '101'");
        assertThat(heard.next()).isEqualTo("account alpha.example.com 101");

        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet triggers = statement.executeQuery("select tgname, tgenabled from pg_trigger "
                     + "where tgname like '%sip_account%' or tgname like '%sip_domain%' order by tgname")) {
            List<String> enabled = new ArrayList<>();
            while (triggers.next()) {
                enabled.add(triggers.getString(1) + " " + triggers.getString(2));
            }
            assertThat(enabled).containsExactly("extension_sip_account_added_or_removed A",
                    "extension_sip_account_changed A", "tenant_sip_domain_added_or_removed A",
                    "tenant_sip_domain_changed A");
        }
    }

    @Test
    void aLostConnectionIsMadeAgainAndSaysChangesMayHaveBeenMissed() throws Exception {
        execute("select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN sip_account_changed'");

        assertThat(heard.next()).isEqualTo(HeardChanges.MISSED);
        execute("update extension set max_contacts = 4 where number = '101'");
        assertThat(heard.next()).isEqualTo("account alpha.example.com 101");
    }
}
