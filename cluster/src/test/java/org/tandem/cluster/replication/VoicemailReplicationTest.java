package org.tandem.cluster.replication;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.EmailNotification;
import org.tandem.domain.voicemail.Greetings;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MailboxSettings;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.MessageWaiting;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.domain.voicemail.VoicemailPin;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Voicemail on two nodes replicating both ways, a tenant's pool being node-a (home) and node-b: a
 * message recorded on either is listed on both, filed on either reaches the other, filed on both at
 * once ends the same on both with a deletion winning, and no change is ever a replication conflict.
 */
class VoicemailReplicationTest {

    @RegisterExtension
    static final TestCluster cluster = TestCluster.perClass();
    /** The tenant's home node. */
    static TestNode a;
    static TestNode b;
    /** Extension 101's, made on node-a. */
    static Mailbox mailbox;

    @BeforeAll
    static void startCluster() throws Exception {
        a = cluster.start("node-a", "127.0.0.2");
        b = cluster.join("node-b", "127.0.0.3", a);
        UUID tenant = Fixtures.tenant(a, a, b, "voicemail.replication.test");
        UUID extension = UUID.fromString(a.strings("select id::text from extension where tenant_id = '" + tenant
                + "' and number = '101'").getFirst());
        mailbox = Mailbox.open(extension, tenant, new ExtensionNumber("101"), VoicemailPin.choose("4826", new ExtensionNumber("101")));
        new JdbcMailboxes(a.dataSource(), a.guard()).add(mailbox);
        b.await(() -> new JdbcMailboxes(b.dataSource()).find(tenant, "101").isPresent(), true);
    }

    @Test
    void aMailboxIsChangedOnlyOnItsTenantsHomeNodeAndReadEverywhere() {
        Mailbox changed = mailbox.withSettings(new MailboxSettings(true, Duration.ofSeconds(30),
                new Greetings(false, false, true), EmailNotification.to("alice@voicemail.replication.test", false)));

        assertThatThrownBy(() -> new JdbcMailboxes(b.dataSource(), b.guard()).replace(changed))
                .isInstanceOf(NotHomeNodeException.class).hasMessageContaining("home node node-a");
        assertThatThrownBy(() -> new JdbcMailboxes(b.dataSource()).replace(changed)).as("a change that skips the guard")
                .rootCause().hasMessageContaining("written on a node that is not its home node now");

        assertThat(new JdbcMailboxes(a.dataSource(), a.guard()).replace(changed)).isTrue();
        assertThat(b.await(() -> new JdbcMailboxes(b.dataSource()).find(mailbox.tenantId(), "101").orElseThrow(), changed))
                .isEqualTo(changed);
        new JdbcMailboxes(a.dataSource(), a.guard()).replace(mailbox);
    }

    @Test
    void aMessageRecordedOnANodeIsListedOnTheOtherAndFiledFromEither() throws Exception {
        VoicemailMessage left = record(a);
        JdbcVoicemailMessages onB = messages(b);

        assertThat(b.await(() -> onB.find(mailbox.extensionId(), left.id()).isPresent(), true)).as("listed on node-b").isTrue();
        assertThat(onB.find(mailbox.extensionId(), left.id())).contains(left);

        try (Connection listening = a.dataSource().getConnection(); Statement listen = listening.createStatement()) {
            listen.execute("LISTEN voicemail_changed");
            assertThat(onB.file(mailbox.extensionId(), left.id(), MessageFolder.SAVED)).contains(MessageFolder.SAVED);
            assertThat(heard(listening)).as("node-a's lamps hear node-b's filing").contains(mailbox.extensionId().toString());
        }
        JdbcVoicemailMessages onA = messages(a);
        assertThat(a.await(() -> onA.find(mailbox.extensionId(), left.id()).orElseThrow().folder(), MessageFolder.SAVED))
                .as("node-b's filing reached node-a").isEqualTo(MessageFolder.SAVED);

        VoicemailMessage fromB = record(b);
        assertThat(a.await(() -> onA.find(mailbox.extensionId(), fromB.id()).isPresent(), true)).isTrue();
        assertNoConflicts();
    }

    @Test
    void filedOnBothNodesAtOnceADeletedMessageStaysDeletedOnBoth() {
        List<VoicemailMessage> left = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            left.add(record(a));
        }
        for (VoicemailMessage message : left) {
            b.await(() -> messages(b).find(mailbox.extensionId(), message.id()).isPresent(), true);
        }
        MessageWaiting before = messages(a).waiting(mailbox.extensionId());

        // Cut both ways, so each node files without having seen the other's filing: a real race.
        a.execute("ALTER SUBSCRIPTION tandem_node_a_from_node_b DISABLE");
        b.execute("ALTER SUBSCRIPTION tandem_node_b_from_node_a DISABLE");
        try {
            messages(b).file(mailbox.extensionId(), left.get(0).id(), MessageFolder.DELETED);
            messages(a).file(mailbox.extensionId(), left.get(0).id(), MessageFolder.SAVED);
            messages(a).file(mailbox.extensionId(), left.get(1).id(), MessageFolder.DELETED);
            messages(b).file(mailbox.extensionId(), left.get(1).id(), MessageFolder.SAVED);
            messages(a).file(mailbox.extensionId(), left.get(2).id(), MessageFolder.SAVED);
            messages(b).file(mailbox.extensionId(), left.get(2).id(), MessageFolder.SAVED);
            assertThat(messages(a).find(mailbox.extensionId(), left.get(0).id()).orElseThrow().folder())
                    .as("node-a has not heard of node-b's deletion yet").isEqualTo(MessageFolder.SAVED);
        } finally {
            a.execute("ALTER SUBSCRIPTION tandem_node_a_from_node_b ENABLE");
            b.execute("ALTER SUBSCRIPTION tandem_node_b_from_node_a ENABLE");
        }

        List<MessageFolder> expected = List.of(MessageFolder.DELETED, MessageFolder.DELETED, MessageFolder.SAVED);
        for (TestNode node : List.of(a, b)) {
            assertThat(node.await(() -> left.stream().map(message ->
                    messages(node).find(mailbox.extensionId(), message.id()).orElseThrow().folder()).toList(), expected))
                    .as(node.name).isEqualTo(expected);
            assertThat(messages(node).waiting(mailbox.extensionId())).as(node.name)
                    .isEqualTo(new MessageWaiting(before.newMessages() - 3, before.savedMessages() + 1));
            assertThat(messages(node).inFolder(mailbox.extensionId(), MessageFolder.NEW)).extracting(VoicemailMessage::id)
                    .doesNotContainAnyElementsOf(left.stream().map(VoicemailMessage::id).toList());
        }
        assertNoConflicts();
    }

    @Test
    void aMessageDeletedOnOneNodeIsPurgedByTheNodeThatRecordedItAndGoneFromBoth() {
        VoicemailMessage left = record(a);
        b.await(() -> messages(b).find(mailbox.extensionId(), left.id()).isPresent(), true);
        messages(b).file(mailbox.extensionId(), left.id(), MessageFolder.SAVED);
        messages(b).file(mailbox.extensionId(), left.id(), MessageFolder.DELETED);
        a.await(() -> messages(a).find(mailbox.extensionId(), left.id()).orElseThrow().folder(), MessageFolder.DELETED);

        Instant later = Instant.now().plusSeconds(1);
        assertThat(messages(b).purgeable(later, 100)).extracting(VoicemailMessage::id).as("node-a's to purge")
                .doesNotContain(left.id());
        assertThat(messages(a).purgeable(later, 100)).extracting(VoicemailMessage::id).contains(left.id());
        assertThat(messages(a).purge(left.id())).isTrue();

        String filings = "select count(*) from voicemail_message_filed where message_id = '" + left.id() + "'";
        assertThat(b.await(() -> b.count(filings), 0L)).as("node-b's own filing, removed with the message").isZero();
        assertThat(messages(b).find(mailbox.extensionId(), left.id())).isEmpty();
        assertNoConflicts();
    }

    private static JdbcVoicemailMessages messages(TestNode node) {
        return new JdbcVoicemailMessages(node.dataSource(), node.id());
    }

    /** A message as {@code node} records one. */
    private static VoicemailMessage record(TestNode node) {
        VoicemailMessage message = VoicemailMessage.recorded(mailbox, CallerId.asSent("102", "Phone 102"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), Duration.ofSeconds(7), node.id());
        messages(node).add(message);
        return message;
    }

    /** The payloads of the notifications {@code listening} receives within a few seconds. */
    private static List<String> heard(Connection listening) throws Exception {
        List<String> payloads = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(10);
        while (payloads.isEmpty() && Instant.now().isBefore(deadline)) {
            PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(500);
            for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }

    /** No replication conflict of any kind on either node: every row has one writer. */
    private static void assertNoConflicts() {
        for (TestNode node : List.of(a, b)) {
            assertThat(node.count("""
                    select coalesce(sum(confl_insert_exists + confl_update_origin_differs + confl_update_exists
                      + confl_update_missing + confl_delete_origin_differs + confl_delete_missing
                      + confl_multiple_unique_conflicts), 0) from pg_stat_subscription_stats""")).as(node.name).isZero();
            assertThat(node.count("select coalesce(sum(apply_error_count), 0) from pg_stat_subscription_stats"))
                    .as(node.name).isZero();
        }
    }
}
