package org.tandem.engine.call;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.voicemail.EmailNotification;
import org.tandem.domain.voicemail.Greetings;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MailboxSettings;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.domain.voicemail.VoicemailPin;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.engine.voicemail.VoicemailSettings;
import org.tandem.files.FilesSettings;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;
import org.tandem.testsupport.audio.RtpPcap;
import org.tandem.testsupport.audio.TestAudio;
import org.tandem.testsupport.mounts.Tmpfs;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sipp.Sipp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.engine.registrar.RegistrarDatabase.DEFAULT_DIGEST;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;

/**
 * Calls that reach an extension's mailbox: the node answers with its own media, plays the tone and records
 * what a real SIPp caller sends (RTP from a pcap of a 1 kHz tone) into the files' folder, then lists the
 * message. The WAV is checked for its length and its tone, not only its size. Without a mailbox the calls
 * end as before. The longest message is 6 s here; the files are on a tmpfs of their own, turned read-only
 * to stand for a volume that failed.
 */
@Timeout(120)
class VoicemailDepositTest extends SippCallerAndCalleeTest {

    private static final Path FOLDER = folder();
    /** The files' folder on a filesystem of its own, to turn read-only (a volume gone read-only); null: cannot mount. */
    private static final Tmpfs VOLUME = Tmpfs.canMount() ? Tmpfs.mount(FOLDER.resolve("files"), "64m") : null;
    private static final Duration LONGEST = Duration.ofSeconds(6);
    private static final int TONE_HERTZ = 1000;

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(
            (services, data) -> services,
            settings -> settings.withFiles(new FilesSettings(FOLDER.resolve("files"), FOLDER.resolve("staging"),
                            Optional.empty(), "node1"))
                    .withVoicemail(new VoicemailSettings(LONGEST, Duration.ofSeconds(1), Duration.ofSeconds(10))));

    @Test
    void aCallerLeavesAMessageForAnExtensionWithNoPhone() throws Exception {
        Mailbox mailbox = mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);

        phones.call(leavingMessage("caller_leaves_message.xml", 3000, 3300), caller, ALPHA, callee, "-mp", mediaPort()).assertPassed();

        VoicemailMessage message = awaitMessage(mailbox);
        assertThat(message.caller().number()).isEqualTo(caller);
        assertThat(message.duration().toMillis()).isCloseTo(3000, within(600L));
        assertToneRecorded(message);
        assertThat(db.awaitCallRecord(caller, callee, ALPHA)).isEqualTo("ANSWERED 200 answered");
    }

    @Test
    void aCallerWithoutAnOfferGetsTheNodesAndAnswersInItsAck() throws Exception {
        Mailbox mailbox = mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);

        phones.call(leavingMessage("caller_late_offer_leaves_message.xml", 2000, 2300), caller, ALPHA, callee,
                "-mp", mediaPort()).assertPassed();

        VoicemailMessage message = awaitMessage(mailbox);
        assertThat(message.duration().toMillis()).isCloseTo(2000, within(600L));
        assertToneRecorded(message);
    }

    @Test
    void aBusyPhoneSendsTheCallerToTheMailbox() throws Exception {
        Mailbox mailbox = mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);
        Sipp.Running phone = phones.phone(callee, ALPHA, "phone_busy.xml", Duration.ofMillis(4000));

        phones.call(leavingMessage("caller_leaves_message.xml", 2000, 2300), caller, ALPHA, callee, "-mp", mediaPort()).assertPassed();

        phone.await().assertPassed();
        assertThat(awaitMessage(mailbox).duration().toMillis()).isCloseTo(2000, within(600L));
    }

    @Test
    void aPhoneNobodyAnswersSendsTheCallerToTheMailboxAfterItsRingingTime() throws Exception {
        Mailbox mailbox = mailboxFor(callee, MailboxSettings.MIN_NO_ANSWER);
        SippPhones.MarkingPhone phone = phones.phoneThatRings(callee, ALPHA, Duration.ofMillis(6500));
        long start = System.nanoTime();

        phones.call(leavingMessage("caller_leaves_message.xml", 1500, 1800), caller, ALPHA, callee, "-mp", mediaPort()).assertPassed();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(MailboxSettings.MIN_NO_ANSWER);
        phone.assertPassedAndMarked("the phone got the CANCEL when the mailbox answered");
        assertThat(awaitMessage(mailbox).duration().toMillis()).isCloseTo(1500, within(600L));
    }

    @Test
    void aBaresipCallerLeavesAMessageWithItsAudio(@TempDir Path folder) throws Exception {
        Mailbox mailbox = mailboxFor(callee, DEFAULT_DIGEST, MailboxSettings.DEFAULT_NO_ANSWER);
        Path tone = BaresipPhone.tone(folder.resolve("tone.wav"), TONE_HERTZ, Duration.ofSeconds(20));
        Duration talking = Duration.ofSeconds(5);
        try (BaresipPhone calling = new BaresipPhone(folder.resolve("caller"), caller, DEFAULT_DIGEST,
                defaultPassword(caller, DEFAULT_DIGEST), NODE.port(), BaresipPhone.sipPorts(1)[0],
                BaresipPhone.rtpPorts(BaresipPhone.rtpBlock(), 0), tone, false, talking,
                "/dial sip:" + callee + "@" + DEFAULT_DIGEST)) {
            calling.start();
            assertThat(calling.awaitExit(talking.plusSeconds(5))).as("baresip quits after -t: %s", calling.describe())
                    .isTrue();
            assertThat(calling.lines()).as(calling.describe())
                    .contains(caller + "@" + DEFAULT_DIGEST + ": Call established: sip:" + callee + "@" + DEFAULT_DIGEST);
        }

        VoicemailMessage message = awaitMessage(mailbox);
        assertThat(message.duration()).isBetween(Duration.ofSeconds(2), talking);
        assertToneRecorded(message);
    }

    @Test
    void aCallerPutsTheMailboxOnHoldWhileTalkingAndItsMessageIsKept() throws Exception {
        // the scenario also checks the session (RFC 4028) the node agreed, and that the re-INVITE refreshed it
        Mailbox mailbox = mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);

        phones.call(leavingMessage("caller_holds_while_leaving_message.xml", 3000, 1500), caller, ALPHA, callee,
                "-mp", mediaPort()).assertPassed();

        assertThat(awaitMessage(mailbox).duration().toMillis()).isCloseTo(3000, within(600L));
    }

    @Test
    void aVolumeGoneReadOnlyLosesTheMessageAndListsNothing() throws Exception {
        assumeTrue(VOLUME != null, "mounting a tmpfs needs root");
        Mailbox mailbox = mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);
        VOLUME.readOnly(true);
        try {
            phones.call(leavingMessage("caller_leaves_message.xml", 2000, 2300), caller, ALPHA, callee, "-mp",
                    mediaPort()).assertPassed();
            Thread.sleep(1000); // the store runs after the call: give it the time a message would take
            assertThat(messages().inFolder(mailbox.extensionId(), MessageFolder.NEW)).isEmpty();
            assertThat(FOLDER.resolve("files/tenants/" + mailbox.tenantId() + "/voicemail/" + callee)).doesNotExist();
        } finally {
            VOLUME.readOnly(false);
        }
        String again = db.newExtension();
        Mailbox writable = mailboxFor(again, MailboxSettings.DEFAULT_NO_ANSWER);
        phones.call(leavingMessage("caller_leaves_message.xml", 2000, 2300), caller, ALPHA, again, "-mp",
                mediaPort()).assertPassed();
        assertThat(awaitMessage(writable).duration().toMillis()).as("once writable again, messages are kept")
                .isCloseTo(2000, within(600L));
    }

    @Test
    void aMessageWhoseRowCannotBeAddedLeavesNoFileBehind() throws Exception {
        Mailbox mailbox = mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);
        // the mailbox goes while the caller talks, so the message's row refers to nothing and is refused
        Thread removal = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            db.execute("delete from voicemail_box where extension_id = ?", mailbox.extensionId());
        });

        phones.call(leavingMessage("caller_leaves_message.xml", 2500, 2800), caller, ALPHA, callee, "-mp",
                mediaPort()).assertPassed();
        removal.join();

        Path folder = FOLDER.resolve("files/tenants/" + mailbox.tenantId() + "/voicemail/" + callee);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.isDirectory(folder) && System.nanoTime() < deadline) {
            Thread.sleep(50); // the file is stored first, in this folder, and removed when its row is refused
        }
        Thread.sleep(500);
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).as("files of a message nobody lists").isEmpty();
        }
    }

    @AfterAll
    static void unmount() {
        if (VOLUME != null) {
            VOLUME.close();
        }
    }

    @Test
    void withoutAMailboxACallToAnExtensionWithNoPhoneStillGets480() throws Exception {
        phones.call("caller_480.xml", caller, ALPHA, callee).assertPassed();
        assertThat(db.awaitCallRecord(caller, callee, ALPHA)).isEqualTo("FAILED 480 unanswered");
    }

    @Test
    void anOfferWithoutG711Gets488AndLeavesNothing() throws Exception {
        Mailbox mailbox = mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);

        phones.call("caller_488_without_g711.xml", caller, ALPHA, callee).assertPassed();

        assertThat(db.awaitCallRecord(caller, callee, ALPHA)).isEqualTo("FAILED 488 unanswered");
        assertThat(messages().inFolder(mailbox.extensionId(), MessageFolder.NEW)).isEmpty();
    }

    @Test
    void aCallerWhoSendsNoAudioIsHungUpAtTheLongestMessageAndLeavesNothing() throws Exception {
        Mailbox mailbox = mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);
        long start = System.nanoTime();

        phones.call(Sipp.scenario("/sipp/call/caller_silent_until_node_hangs_up.xml"), caller, ALPHA, callee, "-mp",
                mediaPort())
                .assertPassed();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(LONGEST, LONGEST.plusSeconds(4));
        assertThat(db.awaitCallRecord(caller, callee, ALPHA)).isEqualTo("ANSWERED 200 answered");
        Thread.sleep(500); // the store runs after the call: give it the time a message would take
        assertThat(messages().inFolder(mailbox.extensionId(), MessageFolder.NEW)).isEmpty();
        assertThat(FOLDER.resolve("files/tenants/" + mailbox.tenantId() + "/voicemail/" + callee)).doesNotExist();
    }

    /**
     * Caller scenario {@code scenario}: after the tone it sends 1 kHz for {@code toneMillis} and hangs up after
     * {@code talkMillis}.
     */
    private Path leavingMessage(String scenario, int toneMillis, int talkMillis) throws Exception {
        Path work = Files.createTempDirectory(FOLDER, "caller");
        Path pcap = RtpPcap.write(work.resolve("tone.pcap"), TestAudio.tone(TONE_HERTZ, 8000, toneMillis * 8));
        String filled = Files.readString(Sipp.scenario("/sipp/call/" + scenario))
                .replace("@PCAP@", pcap.toString()).replace("@TALK_MILLIS@", Integer.toString(talkMillis));
        return Files.writeString(work.resolve(scenario), filled);
    }

    /** The message's WAV in the files' folder lasts as long as its row says, and holds the caller's 1 kHz tone. */
    private static void assertToneRecorded(VoicemailMessage message) throws Exception {
        short[] recorded = TestAudio.readWav(FOLDER.resolve("files").resolve(message.file()));
        assertThat(recorded.length / 8.0).as("the WAV's length in ms").isCloseTo(message.duration().toMillis(),
                within(50.0));
        assertThat(TestAudio.goertzel(recorded, TONE_HERTZ))
                .as("the caller's 1 kHz tone stands far above any other frequency")
                .isGreaterThan(100 * TestAudio.goertzel(recorded, 600))
                .isGreaterThan(100 * TestAudio.goertzel(recorded, 1400));
    }

    /** SIPp's RTP port: a free one, so no other SIPp's audio can reach this call. */
    private static String mediaPort() {
        return Integer.toString(FreePorts.udpAndTcp());
    }

    private Mailbox mailboxFor(String number, Duration noAnswer) {
        return mailboxFor(number, ALPHA, noAnswer);
    }

    private Mailbox mailboxFor(String number, String domain, Duration noAnswer) {
        UUID tenant = db.tenantId(domain);
        UUID extension = UUID.fromString(db.strings("select id::text from extension where tenant_id = ? and number = ?",
                tenant, number).getFirst());
        Mailbox mailbox = Mailbox.open(extension, tenant, new ExtensionNumber(number),
                VoicemailPin.choose("4826", new ExtensionNumber(number))).withSettings(
                new MailboxSettings(true, noAnswer, Greetings.NONE, EmailNotification.NONE));
        new JdbcMailboxes(db.dataSource()).add(mailbox);
        return mailbox;
    }

    private JdbcVoicemailMessages messages() {
        return new JdbcVoicemailMessages(db.dataSource(), db.nodeId());
    }

    /** The one message of {@code mailbox}, once stored (the file, then the row, after the call). */
    private VoicemailMessage awaitMessage(Mailbox mailbox) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<VoicemailMessage> listed = messages().inFolder(mailbox.extensionId(), MessageFolder.NEW);
        while (listed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            listed = messages().inFolder(mailbox.extensionId(), MessageFolder.NEW);
        }
        assertThat(listed).as("messages of mailbox " + mailbox.extension().digits()).hasSize(1);
        return listed.getFirst();
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("tandem-voicemail");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
