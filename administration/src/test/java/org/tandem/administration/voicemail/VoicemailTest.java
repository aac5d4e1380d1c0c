package org.tandem.administration.voicemail;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.extension.IssuedCredentials;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.files.FilePath;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tandem.administration.support.AdministrationFixture.GLOBEX_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.SOUTHGATE_ADMIN;

/**
 * A customer of its own per test with extensions 201 and 202 (their mailboxes opened with them), messages added as the engine
 * adds them and their recordings written in the fixture's files; a tenant user who sees 201.
 */
class VoicemailTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private final JdbcVoicemailMessages recorded = new JdbcVoicemailMessages(fixture.database().dataSource(),
            fixture.nodeId());
    private Actor reseller;
    private Actor admin;
    private Actor user;
    private UUID tenant;
    private Mailbox ann;
    private Mailbox ben;

    @BeforeEach
    void customerWithMailboxes() {
        reseller = fixture.actor(NORTHWIND_ADMIN);
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Voicemail Co", 10);
        tenant = customer.id();
        admin = fixture.actor(customer.admin());
        List<IssuedCredentials> created = fixture.extensions.importCsv(reseller, tenant, "201,Ann\n202,Ben\n").created();
        ann = mailbox(created.get(0));
        ben = mailbox(created.get(1));
        String login = fixture.extensions.createPortalLogin(admin, tenant, created.get(0).extension().id(),
                fixture.unique("ann") + "@voicemail").username();
        user = fixture.actor(login);
    }

    /** The mailbox opened with the extension. */
    private Mailbox mailbox(IssuedCredentials extension) {
        return new JdbcMailboxes(fixture.database().dataSource()).find(tenant, extension.extension().number()).orElseThrow();
    }

    /** A message as the engine leaves it: its recording in the files, then its row. */
    private VoicemailMessage leave(Mailbox mailbox, String caller, Instant at, byte[] wav) throws Exception {
        VoicemailMessage message = VoicemailMessage.recorded(mailbox, CallerId.asSent(caller, "Caller " + caller), at,
                Duration.ofSeconds(wav.length / 8000), fixture.nodeId());
        fixture.files.write(FilePath.parse(message.file()), wav);
        recorded.add(message);
        return message;
    }

    private static byte[] wav(int bytes) {
        byte[] content = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            content[i] = (byte) (i * 7);
        }
        return content;
    }

    @Test
    void messagesAreListedNewestFirstPlayedMarkedReadAndDeleted() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        VoicemailMessage older = leave(ann, "301", now.minusSeconds(600), wav(16_000));
        VoicemailMessage newer = leave(ann, "302", now.minusSeconds(60), wav(24_000));
        leave(ben, "303", now, wav(8_000));

        assertThat(fixture.voicemail.messages(admin, tenant, "201"))
                .extracting(MessageEntry::id, MessageEntry::callerNumber, MessageEntry::callerName,
                        MessageEntry::durationSeconds, MessageEntry::read)
                .containsExactly(tuple(newer.id(), "302", "Caller 302", 3, false),
                        tuple(older.id(), "301", "Caller 301", 2, false));
        assertThat(fixture.voicemail.mailbox(admin, tenant, "201"))
                .isEqualTo(new MailboxSummary("201", "Ann", true, 20, null, false, 2, 0));

        try (MessageAudio audio = fixture.voicemail.audio(user, tenant, "201", older.id())) {
            assertThat(audio.size()).isEqualTo(16_000);
            assertThat(audio.fileName()).isEqualTo(older.id() + ".wav");
            assertThat(audio.content().readAllBytes()).isEqualTo(wav(16_000));
        }

        MessageEntry read = fixture.voicemail.markRead(user, tenant, "201", older.id());
        assertThat(read.read()).isTrue();
        assertThat(read.folder()).isEqualTo(MessageFolder.SAVED);
        assertThat(fixture.voicemail.markRead(user, tenant, "201", older.id())).isEqualTo(read);
        assertThat(fixture.voicemail.mailbox(user, tenant, "201").newMessages()).isEqualTo(1);
        assertThat(fixture.voicemail.mailbox(user, tenant, "201").savedMessages()).isEqualTo(1);

        fixture.voicemail.delete(admin, tenant, "201", newer.id());
        assertThat(fixture.voicemail.messages(user, tenant, "201")).extracting(MessageEntry::id).containsExactly(older.id());
        assertThatThrownBy(() -> fixture.voicemail.audio(admin, tenant, "201", newer.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such message");
        assertThatThrownBy(() -> fixture.voicemail.markRead(admin, tenant, "201", newer.id()))
                .as("a deleted message is not brought back").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.voicemail.delete(admin, tenant, "201", newer.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTenantUserReachesOnlyTheMailboxOfTheirOwnExtension() throws Exception {
        VoicemailMessage forBen = leave(ben, "303", Instant.now(), wav(8_000));

        assertThat(fixture.voicemail.ownMailbox(user)).contains("201");
        assertThat(fixture.voicemail.ownMailbox(admin)).isEmpty();
        assertThat(fixture.voicemail.mailboxes(user, tenant)).extracting(MailboxSummary::number).containsExactly("201");
        assertThat(fixture.voicemail.mailboxes(admin, tenant)).extracting(MailboxSummary::number)
                .containsExactly("201", "202");
        assertThat(fixture.voicemail.mailboxes(reseller, tenant)).hasSize(2);
        assertThatThrownBy(() -> fixture.voicemail.messages(user, tenant, "202"))
                .isInstanceOf(NotFoundException.class).hasMessage("No such mailbox");
        assertThatThrownBy(() -> fixture.voicemail.audio(user, tenant, "202", forBen.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such mailbox");
        assertThatThrownBy(() -> fixture.voicemail.audio(user, tenant, "201", forBen.id()))
                .as("another mailbox's message through one's own").isInstanceOf(NotFoundException.class)
                .hasMessage("No such message");
        assertThatThrownBy(() -> fixture.voicemail.changeSettings(user, tenant, "202",
                new MailboxChange(false, 30L, "", false, null))).isInstanceOf(NotFoundException.class);
        assertThat(fixture.voicemail.mailbox(admin, tenant, "202").enabled()).isTrue();
    }

    @Test
    void anotherTenantsMailboxesAndMessagesAreNotFound() throws Exception {
        VoicemailMessage message = leave(ann, "301", Instant.now(), wav(8_000));
        Actor globexAdmin = fixture.actor(GLOBEX_ADMIN);

        assertThatThrownBy(() -> fixture.voicemail.mailboxes(globexAdmin, tenant))
                .isInstanceOf(NotFoundException.class).hasMessage("No such customer");
        assertThatThrownBy(() -> fixture.voicemail.audio(fixture.actor(SOUTHGATE_ADMIN), tenant, "201", message.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.voicemail.delete(globexAdmin, fixture.globex(), "101", message.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.voicemail.messages(admin, tenant, "../201"))
                .isInstanceOf(NotFoundException.class).hasMessage("No such mailbox");
        assertThatThrownBy(() -> fixture.voicemail.audio(admin, tenant, "201", UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such message");
        assertThat(fixture.voicemail.messages(admin, tenant, "201")).extracting(MessageEntry::read).containsExactly(false);
    }

    @Test
    void aMessageWhoseRecordingIsMissingIsNotFoundInWords() throws Exception {
        VoicemailMessage message = leave(ann, "301", Instant.now(), wav(8_000));
        fixture.files.delete(FilePath.parse(message.file()));

        assertThatThrownBy(() -> fixture.voicemail.audio(admin, tenant, "201", message.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("The recording of this message is missing");
    }

    @Test
    void settingsAreChangedWithANewPinAndBadOnesAreRefusedFieldByFieldInWords() {
        MailboxSummary changed = fixture.voicemail.changeSettings(user, tenant, "201",
                new MailboxChange(false, 45L, " ann@example.com ", true, "5937"));

        assertThat(changed).isEqualTo(new MailboxSummary("201", "Ann", false, 45, "ann@example.com", true, 0, 0));
        assertThat(fixture.voicemail.mailbox(admin, tenant, "201")).isEqualTo(changed);
        Mailbox stored = new JdbcMailboxes(fixture.database().dataSource()).find(tenant, "201").orElseThrow();
        assertThat(stored.pin().matches("5937")).isTrue();
        fixture.voicemail.changeSettings(admin, tenant, "201", new MailboxChange(true, 20L, "", false, ""));
        assertThat(new JdbcMailboxes(fixture.database().dataSource()).find(tenant, "201").orElseThrow().pin()
                .matches("5937")).as("a blank PIN keeps the PIN").isTrue();

        assertThatThrownBy(() -> fixture.voicemail.changeSettings(admin, tenant, "201",
                new MailboxChange(true, 10_000_000_000L, "not an address", false, "1234")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(VoicemailService.NO_ANSWER,
                                "The extension rings 5 to 120 seconds (whole seconds) before voicemail answers")
                        .containsEntry(VoicemailService.EMAIL,
                                "This is not an email address: it must look like name@example.com")
                        .containsEntry(VoicemailService.PIN, "A PIN of digits in a row (like 1234, 7890 or 4321) is "
                                + "the first a guesser tries: choose another"));
        assertThatThrownBy(() -> fixture.voicemail.changeSettings(admin, tenant, "201",
                new MailboxChange(true, -5L, "", true, "201")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsOnlyKeys(VoicemailService.NO_ANSWER, VoicemailService.ATTACH_AUDIO, VoicemailService.PIN)
                        .containsEntry(VoicemailService.ATTACH_AUDIO,
                                "Attaching the recording needs an email address to send it to"));
        assertThatThrownBy(() -> fixture.voicemail.changeSettings(admin, tenant, "201",
                new MailboxChange(null, null, null, false, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages()).containsExactlyInAnyOrderEntriesOf(
                        Map.of(VoicemailService.ENABLED, "Choose whether callers reach the mailbox",
                                VoicemailService.NO_ANSWER,
                                "Enter how many seconds the extension rings before voicemail answers")));
        assertThat(fixture.voicemail.mailbox(admin, tenant, "201"))
                .isEqualTo(new MailboxSummary("201", "Ann", true, 20, null, false, 0, 0));
    }

    @Test
    void aSuspendedCompanysOwnLoginsKeepTheirMessagesButCannotChangeSettings() {
        fixture.customers.suspend(reseller, tenant);

        assertThat(fixture.voicemail.messages(user, tenant, "201")).isEmpty();
        assertThatThrownBy(() -> fixture.voicemail.changeSettings(admin, tenant, "201",
                new MailboxChange(true, 30L, "", false, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.voicemail.changeSettings(reseller, tenant, "201", new MailboxChange(true, 30L, "", false, null))
                .noAnswerSeconds()).isEqualTo(30);
    }

    /** A tenant user watches their own mailbox: told of its new message, not of a colleague's. */
    @Test
    void aWatcherHearsOfItsMailboxesMessagesAndNotOfOthers() throws Exception {
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (AutoCloseable watching = fixture.voicemail.watch(user, tenant, () -> heard.add("201"))) {
            waitForFeed(heard);

            leave(ben, "303", Instant.now(), wav(800));
            assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).as("not told of 202's message").isNull();
            VoicemailMessage message = leave(ann, "301", Instant.now(), wav(800));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("told of 201's message").isEqualTo("201");
            fixture.voicemail.markRead(user, tenant, "201", message.id());
            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("told of its filing").isEqualTo("201");
        }
    }

    /** The feed starts with the first watcher and may still be connecting: a filing makes sure it listens. */
    private void waitForFeed(LinkedBlockingQueue<String> heard) throws Exception {
        VoicemailMessage probe = leave(ann, "399", Instant.now(), wav(800));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            recorded.file(ann.extensionId(), probe.id(), MessageFolder.SAVED);
            if (heard.poll(200, TimeUnit.MILLISECONDS) != null) {
                Thread.sleep(100);
                heard.clear();
                return;
            }
        }
        throw new AssertionError("the voicemail feed never started");
    }
}
