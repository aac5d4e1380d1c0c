package org.tandem.storage.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.EmailNotification;
import org.tandem.domain.voicemail.Greetings;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MailboxAddress;
import org.tandem.domain.voicemail.MailboxSettings;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.MessageWaiting;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.domain.voicemail.VoicemailPin;
import org.tandem.storage.TestDatabase;
import org.tandem.storage.jpa.JpaExtensionRepository;
import org.tandem.testsupport.database.Sql;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mailboxes and messages against a real PostgreSQL: settings, filing from several writers at once, and hostile rows. */
class JdbcVoicemailTest {

    @TempDir
    static Path folder;
    static TestDatabase database;
    static JdbcMailboxes mailboxes;
    static JdbcVoicemailMessages messages;
    /** Extension ids by number: 101-109 of alpha, 201 of beta; each test uses mailboxes of its own. */
    static Map<String, UUID> extensions;
    static VoicemailPin pin;
    static Tenant alpha;
    static Tenant beta;

    @BeforeAll
    static void start() {
        database = TestDatabase.startIn(folder);
        pin = VoicemailPin.choose("4826", new ExtensionNumber("101"));
        List<Tenant> tenants = database.seedTenants(new SipDomain("alpha.example.com"), new SipDomain("beta.example.com"));
        alpha = tenants.get(0);
        beta = tenants.get(1);
        extensions = database.fetch(entityManager -> {
            List<Extension> added = new ArrayList<>();
            for (String number : List.of("101", "102", "103", "104", "105", "106", "107", "108", "109")) {
                added.add(new Extension(alpha, new ExtensionNumber(number), "Alpha " + number, "pw".toCharArray()));
            }
            added.add(new Extension(beta, new ExtensionNumber("201"), "Beta 201", "pw".toCharArray()));
            added.forEach(entityManager::persist);
            return added.stream().collect(Collectors.toMap(extension -> extension.number().digits(), Extension::id));
        });
        mailboxes = new JdbcMailboxes(database.dataSource());
        messages = new JdbcVoicemailMessages(database.dataSource(), database.seededNodeId());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static Mailbox mailboxOf(String number) {
        Tenant tenant = number.startsWith("2") ? beta : alpha;
        return Mailbox.open(extensions.get(number), tenant.id(), new ExtensionNumber(number), pin);
    }

    @Test
    void aMailboxKeepsItsSettingsAndItsPinOnlyHashed() {
        Mailbox opened = mailboxOf("101");
        mailboxes.add(opened);
        assertThat(mailboxes.find(alpha.id(), "101")).contains(opened);
        assertThat(mailboxes.find(alpha.id(), "101").orElseThrow().pin().matches("4826")).isTrue();
        assertThat(database.strings("select pin_hash from voicemail_box where extension_id = '" + opened.extensionId() + "'"))
                .singleElement().asString().startsWith("pbkdf2-sha256$").doesNotContain("4826");

        Mailbox changed = opened.withSettings(new MailboxSettings(false, Duration.ofSeconds(45),
                new Greetings(true, false, true), EmailNotification.to("alice@alpha.example.com", true)));
        assertThat(mailboxes.replace(changed)).isTrue();
        assertThat(mailboxes.find(alpha.id(), "101")).contains(changed);

        assertThat(mailboxes.find(beta.id(), "101")).as("another tenant's number").isEmpty();
        assertThat(mailboxes.find(alpha.id(), "101' or '1'='1")).isEmpty();
        assertThat(mailboxes.replace(mailboxOf("201").withSettings(new MailboxSettings(true, Duration.ofSeconds(30),
                Greetings.NONE, EmailNotification.NONE)))).as("no mailbox yet").isFalse();
    }

    /** The lamps find a mailbox's phones by its id, from a notice that names only that. */
    @Test
    void aMailboxsAddressIsItsExtensionAtItsTenantsDomain() {
        Mailbox box = mailboxOf("109");
        assertThat(mailboxes.addressOf(box.extensionId())).as("no mailbox yet").isEmpty();
        mailboxes.add(box);
        assertThat(mailboxes.addressOf(box.extensionId())).contains(new MailboxAddress(box.extensionId(), alpha.id(),
                new SipDomain("alpha.example.com"), new ExtensionNumber("109")));
        assertThat(mailboxes.addressOf(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aMailboxIsOnePerExtensionAndOnlyForAnExtensionOfItsTenant() {
        mailboxes.add(mailboxOf("102"));
        assertThatThrownBy(() -> mailboxes.add(mailboxOf("102"))).isInstanceOf(AlreadyTakenException.class)
                .hasMessage("Extension 102 already has a mailbox");
        Mailbox stolen = Mailbox.open(extensions.get("201"), alpha.id(), new ExtensionNumber("201"), pin);
        assertThatThrownBy(() -> mailboxes.add(stolen)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Extension 201 is not an extension of this company");
        Mailbox misnumbered = Mailbox.open(extensions.get("103"), alpha.id(), new ExtensionNumber("104"), pin);
        assertThatThrownBy(() -> mailboxes.add(misnumbered)).isInstanceOf(IllegalArgumentException.class);
        assertThat(mailboxes.ofTenant(beta.id())).isEmpty();
    }

    @Test
    void aMailboxAddedFromManyThreadsAtOnceIsAddedOnce() throws Exception {
        Mailbox box = mailboxOf("106");
        ExecutorService adders = Executors.newFixedThreadPool(8);
        int added = 0;
        int taken = 0;
        try {
            CountDownLatch ready = new CountDownLatch(1);
            List<Future<?>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(adders.submit(() -> {
                    ready.await();
                    mailboxes.add(box);
                    return null;
                }));
            }
            ready.countDown();
            for (Future<?> each : tries) {
                try {
                    each.get(30, TimeUnit.SECONDS);
                    added++;
                } catch (ExecutionException refused) {
                    assertThat(refused.getCause()).isInstanceOf(AlreadyTakenException.class);
                    taken++;
                }
            }
        } finally {
            adders.shutdownNow();
        }
        assertThat(added).isOne();
        assertThat(taken).isEqualTo(7);
        assertThat(mailboxes.find(alpha.id(), "106")).contains(box);
    }

    @Test
    void theDatabaseRefusesWhatTheDomainRefusesWhateverCodeWrites() {
        Mailbox box = mailboxOf("105");
        mailboxes.add(box);
        String where = " where extension_id = '" + box.extensionId() + "'";
        assertThatThrownBy(() -> execute("update voicemail_box set pin_hash = '4826'" + where))
                .hasMessageContaining("voicemail_box_pin_hashed");
        assertThatThrownBy(() -> execute("update voicemail_box set no_answer_seconds = 121" + where))
                .hasMessageContaining("voicemail_box_no_answer_range");
        assertThatThrownBy(() -> execute("update voicemail_box set email = 'a@b.example' || chr(13) || chr(10) || 'Bcc: x@y.example'" + where))
                .hasMessageContaining("voicemail_box_email_format");
        assertThatThrownBy(() -> execute("update voicemail_box set email = null, attach_audio = true" + where))
                .hasMessageContaining("voicemail_box_attach_needs_email");
    }

    @Test
    void aMessageIsListedInItsFolderWithItsCallerAndFileAndCountedForTheLamp() {
        Mailbox box = mailboxOf("103");
        mailboxes.add(box);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        VoicemailMessage first = record(box, CallerId.asSent("102", "Bob \u202EBaker"), now.minusSeconds(60));
        VoicemailMessage second = record(box, CallerId.asSent("+4930123456", null), now);
        messages.add(first);
        messages.add(second);
        messages.add(second);

        assertThat(messages.inFolder(box.extensionId(), MessageFolder.NEW)).containsExactly(first, second);
        assertThat(first.caller().name()).contains("Bob Baker");
        assertThat(messages.waiting(box.extensionId())).isEqualTo(new MessageWaiting(2, 0));

        assertThat(messages.file(box.extensionId(), first.id(), MessageFolder.SAVED)).contains(MessageFolder.SAVED);
        assertThat(messages.file(box.extensionId(), second.id(), MessageFolder.DELETED)).contains(MessageFolder.DELETED);
        assertThat(messages.file(box.extensionId(), second.id(), MessageFolder.SAVED)).as("a deleted message stays deleted")
                .contains(MessageFolder.DELETED);
        assertThat(messages.file(box.extensionId(), first.id(), MessageFolder.NEW)).contains(MessageFolder.SAVED);

        assertThat(messages.inFolder(box.extensionId(), MessageFolder.NEW)).isEmpty();
        assertThat(messages.inFolder(box.extensionId(), MessageFolder.SAVED)).containsExactly(first.filedIn(MessageFolder.SAVED));
        assertThat(messages.inFolder(box.extensionId(), MessageFolder.DELETED)).extracting(VoicemailMessage::id)
                .containsExactly(second.id());
        assertThat(messages.waiting(box.extensionId())).isEqualTo(new MessageWaiting(0, 1));
        assertThat(messages.file(mailboxOf("101").extensionId(), first.id(), MessageFolder.DELETED))
                .as("a message of another mailbox").isEmpty();
        assertThat(messages.find(box.extensionId(), first.id()).orElseThrow().folder()).isEqualTo(MessageFolder.SAVED);
    }

    @Test
    void manyFilingsAtOnceEndDeletedAndNothingMovesAMessageBack() throws Exception {
        Mailbox box = mailboxOf("104");
        mailboxes.add(box);
        VoicemailMessage message = record(box, CallerId.asSent("101", "Alice"), Instant.now());
        messages.add(message);
        List<JdbcVoicemailMessages> nodes = List.of(messages, new JdbcVoicemailMessages(database.dataSource(), otherNode()));
        ExecutorService filers = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch ready = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                JdbcVoicemailMessages node = nodes.get(i % 2);
                MessageFolder to = i == 17 ? MessageFolder.DELETED : MessageFolder.SAVED;
                done.add(filers.submit(() -> {
                    ready.await();
                    return node.file(box.extensionId(), message.id(), to);
                }));
            }
            ready.countDown();
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            filers.shutdownNow();
        }
        assertThat(messages.find(box.extensionId(), message.id()).orElseThrow().folder()).isEqualTo(MessageFolder.DELETED);
        assertThat(database.strings("select count(*) from voicemail_message_filed where message_id = '" + message.id() + "'"))
                .as("one row per node").containsExactly("2");

        String filed = " where message_id = '" + message.id() + "' and folder = 'DELETED'";
        assertThatThrownBy(() -> execute("update voicemail_message_filed set folder = 'SAVED'" + filed))
                .hasMessageContaining("a voicemail message filed DELETED is never filed back in SAVED");
        assertThatThrownBy(() -> execute("update voicemail_message set caller_number = '999' where id = '" + message.id() + "'"))
                .hasMessageContaining("voicemail_message rows are insert-only: UPDATE refused");
    }

    @Test
    void onlyTheRecordingNodePurgesAndOnlyMessagesDeletedLongEnough() {
        Mailbox box = mailboxOf("108");
        mailboxes.add(box);
        VoicemailMessage kept = record(box, CallerId.asSent("101", null), Instant.now());
        VoicemailMessage deleted = record(box, CallerId.asSent("101", null), Instant.now());
        UUID other = otherNode();
        JdbcVoicemailMessages otherNode = new JdbcVoicemailMessages(database.dataSource(), other);
        VoicemailMessage othersDeleted = VoicemailMessage.recorded(box, CallerId.asSent("103", null), Instant.now(),
                Duration.ofSeconds(2), other);
        messages.add(kept);
        messages.add(deleted);
        otherNode.add(othersDeleted);
        messages.file(box.extensionId(), kept.id(), MessageFolder.SAVED);
        otherNode.file(box.extensionId(), deleted.id(), MessageFolder.DELETED);
        messages.file(box.extensionId(), othersDeleted.id(), MessageFolder.DELETED);

        assertThat(messages.purgeable(Instant.now().minusSeconds(3600), 100)).as("deleted a moment ago").isEmpty();
        Instant later = Instant.now().plusSeconds(1);
        assertThat(messages.purgeable(later, 100)).extracting(VoicemailMessage::id).containsExactly(deleted.id());
        assertThat(messages.purge(kept.id())).as("not deleted").isFalse();
        assertThat(messages.purge(othersDeleted.id())).as("another node's to purge").isFalse();

        assertThat(messages.purge(deleted.id())).isTrue();
        assertThat(messages.find(box.extensionId(), deleted.id())).isEmpty();
        assertThat(database.strings("select count(*) from voicemail_message_filed where message_id = '" + deleted.id() + "'"))
                .containsExactly("0");
        assertThat(messages.purgeable(later, 100)).isEmpty();
        assertThat(otherNode.purgeable(later, 100)).extracting(VoicemailMessage::id).contains(othersDeleted.id());
        assertThat(messages.find(box.extensionId(), kept.id()).orElseThrow().folder()).isEqualTo(MessageFolder.SAVED);
    }

    @Test
    void anExtensionDeletedTakesItsMailboxAndMessagesAlong() {
        Mailbox box = mailboxOf("107");
        mailboxes.add(box);
        VoicemailMessage message = record(box, CallerId.asSent("101", null), Instant.now());
        messages.add(message);
        messages.file(box.extensionId(), message.id(), MessageFolder.SAVED);

        database.inTransaction(entityManager ->
                new JpaExtensionRepository(entityManager).remove(entityManager.find(Extension.class, box.extensionId())));

        assertThat(mailboxes.find(alpha.id(), "107")).isEmpty();
        assertThat(messages.find(box.extensionId(), message.id())).isEmpty();
        assertThat(database.strings("select count(*) from voicemail_message_filed where message_id = '" + message.id() + "'"))
                .containsExactly("0");
    }

    @Test
    void aMessageRowCannotPointOutsideItsTenantsFolderOrHoldOversizedValues() {
        Mailbox box = mailboxOf("101");
        if (mailboxes.find(alpha.id(), "101").isEmpty()) {
            mailboxes.add(box);
        }
        UUID id = UUID.randomUUID();
        String values = "values ('" + id + "', '" + box.extensionId() + "', '" + alpha.id() + "', '" + database.seededNodeId()
                + "', %s, %s, now(), %s, %s)";
        String insert = "insert into voicemail_message (id, mailbox_id, tenant_id, node_id, caller_number, caller_name,"
                + " received_at, duration_millis, file_path) ";
        String goodPath = "'tenants/" + alpha.id() + "/voicemail/101/" + id + ".wav'";
        assertThatThrownBy(() -> execute(insert + values.formatted("'102'", "null", "1000",
                "'tenants/" + beta.id() + "/voicemail/101/" + id + ".wav'"))).hasMessageContaining("voicemail_message_file_path_layout");
        assertThatThrownBy(() -> execute(insert + values.formatted("'102'", "null", "1000",
                "'tenants/" + alpha.id() + "/voicemail/101/../../" + id + ".wav'"))).hasMessageContaining("voicemail_message_file_path_layout");
        assertThatThrownBy(() -> execute(insert + values.formatted("repeat('9', 65)", "null", "1000", goodPath)))
                .hasMessageContaining("voicemail_message_caller_number_format");
        assertThatThrownBy(() -> execute(insert + values.formatted("'102'", "repeat('x', 121)", "1000", goodPath)))
                .hasMessageContaining("voicemail_message_caller_name_length");
        assertThatThrownBy(() -> execute(insert + values.formatted("'102'", "null", "3600001", goodPath)))
                .hasMessageContaining("voicemail_message_duration_range");
        assertThatThrownBy(() -> messages.add(VoicemailMessage.recorded(box, CallerId.asSent("102", null), Instant.now(),
                Duration.ofSeconds(1), UUID.randomUUID()))).as("a message another node recorded")
                .isInstanceOf(IllegalArgumentException.class);
        Mailbox elsewhere = Mailbox.open(box.extensionId(), beta.id(), new ExtensionNumber("101"), pin);
        assertThatThrownBy(() -> messages.add(record(elsewhere, CallerId.asSent("102", null), Instant.now())))
                .as("a mailbox of another tenant").hasMessageContaining("has no mailbox");
        Mailbox misnumbered = Mailbox.open(box.extensionId(), alpha.id(), new ExtensionNumber("102"), pin);
        assertThatThrownBy(() -> messages.add(record(misnumbered, CallerId.asSent("102", null), Instant.now())))
                .as("filed under another extension's folder").hasMessageContaining("has no mailbox");
    }

    private static VoicemailMessage record(Mailbox box, CallerId caller, Instant at) {
        return VoicemailMessage.recorded(box, caller, at, Duration.ofMillis(12_340), database.seededNodeId());
    }

    /** A second node's row, as replication brings it. */
    private static UUID otherNode() {
        UUID id = UUID.randomUUID();
        execute("insert into node (id, name, sip_host, sip_port, cluster_host, created_at) values ('" + id
                + "', 'node-" + id.toString().substring(0, 8) + "', '127.0.0.9', 5060, '127.0.0.9', now())");
        return id;
    }

    /** Runs {@code sql}; a refusal is thrown with the database's own words. */
    private static void execute(String sql) {
        try {
            Sql.execute(database.dataSource(), sql);
        } catch (IllegalStateException refused) {
            throw new IllegalStateException(refused.getCause().getMessage(), refused);
        }
    }
}
