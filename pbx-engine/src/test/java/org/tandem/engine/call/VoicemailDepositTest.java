package org.tandem.engine.call;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.tandem.domain.tenant.PromptLanguage;
import org.tandem.engine.voicemail.Voicemail;
import org.tandem.engine.voicemail.VoicemailSettings;
import org.tandem.files.FilesSettings;
import org.tandem.media.codec.G711;
import org.tandem.media.playback.Prompt;
import org.tandem.media.sounds.Phrases;
import org.tandem.media.sounds.PromptLibrary;
import org.tandem.media.sounds.SoundSettings;
import org.tandem.notification.MailSettings;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;
import org.tandem.testsupport.audio.RtpPcap;
import org.tandem.testsupport.audio.TestAudio;
import org.tandem.testsupport.mounts.Tmpfs;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sipp.Sipp;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
    private static final int RTP_HEADER_BYTES = 12;

    /** The node's prompts: short tones of their own pitch each, so the caller's audio tells which played in turn. */
    private static final Path SOUNDS = prompts(FOLDER.resolve("sounds"));
    private static final int SMTP_PORT = FreePorts.udpAndTcp();
    /** The SMTP server the node mails to; a test that stops it starts another on the same port. */
    private static GreenMail smtp = smtpServer();

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(
            (services, data) -> services,
            settings -> settings.withFiles(new FilesSettings(FOLDER.resolve("files"), FOLDER.resolve("staging"),
                            Optional.empty(), "node1"))
                    .withVoicemail(new VoicemailSettings(LONGEST, Duration.ofSeconds(1), Duration.ofSeconds(10))
                            .withSounds(new SoundSettings(SOUNDS, SOUNDS, 1 << 20)).withMail(mailSettings())));

    @BeforeEach
    void noMailYet() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void theCallerHearsTheSystemGreetingInTheTenantsLanguageThenTheTone() throws Exception {
        mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);
        db.execute("update tenant set prompt_language = 'fr' where id = ?", db.tenantId(ALPHA));
        try (DatagramSocket callersAudio = new DatagramSocket(0, FreePorts.LOOPBACK)) {
            Path scenario = leavingMessage("caller_leaves_message.xml", 1000, 1300, callersAudio.getLocalPort());
            CompletableFuture<byte[]> heard = CompletableFuture.supplyAsync(() -> audioOf(callersAudio));

            phones.call(scenario, caller, ALPHA, callee, "-mp", mediaPort()).assertPassed();

            // French where the French set has the prompt: "is unavailable"
            assertHeard(heard.get(10, TimeUnit.SECONDS), new PromptLanguage("fr"), "vm-isunavail");
        } finally {
            db.execute("update tenant set prompt_language = 'en' where id = ?", db.tenantId(ALPHA));
        }
    }

    @Test
    void aMessageLeftIsMailedToItsMailboxWithItsRecording() throws Exception {
        Mailbox mailbox = mailboxFor(callee, ALPHA, MailboxSettings.DEFAULT_NO_ANSWER,
                EmailNotification.to("owner@example.com", true));

        phones.call(leavingMessage("caller_leaves_message.xml", 2000, 2300), caller, ALPHA, callee, "-mp", mediaPort()).assertPassed();

        VoicemailMessage message = awaitMessage(mailbox);
        assertMailedWithRecording(message);
    }

    @Test
    void aMessageLeftWhileTheSmtpServerIsDownIsListedAndMailedWhenItIsBack() throws Exception {
        Mailbox mailbox = mailboxFor(callee, ALPHA, MailboxSettings.DEFAULT_NO_ANSWER,
                EmailNotification.to("owner@example.com", true));
        smtp.stop();
        try {
            phones.call(leavingMessage("caller_leaves_message.xml", 2000, 2300), caller, ALPHA, callee, "-mp",
                    mediaPort()).assertPassed();

            VoicemailMessage message = awaitMessage(mailbox);
            assertToneRecorded(message);
            smtp = smtpServer();
            assertMailedWithRecording(message);
        } finally {
            if (!smtp.isRunning()) {
                smtp = smtpServer();
            }
        }
    }

    @Test
    void aCallerLeavesAMessageForAnExtensionWithNoPhone() throws Exception {
        Mailbox mailbox = mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);

        phones.call(leavingMessage("caller_leaves_message.xml", 3000, 3300), caller, ALPHA, callee, "-mp", mediaPort()).assertPassed();

        VoicemailMessage message = awaitMessage(mailbox);
        assertThat(message.caller().number()).isEqualTo(caller);
        assertThat(message.duration().toMillis()).isCloseTo(3000, within(600L));
        assertToneRecorded(message);
        assertThat(db.awaitCallRecord(caller, callee, ALPHA)).isEqualTo("ANSWERED 200 answered");
        // the mailbox has no address: a mail would have been queued at once, with the row
        assertThat(smtp.waitForIncomingEmail(1000, 1)).as("a mail for a mailbox without an address").isFalse();
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

    /** The node takes RTP only from where the SDP says, so this caller's own audio is not recorded. */
    @Test
    void theMailboxOfABusyPhoneSaysItIsBusy() throws Exception {
        mailboxFor(callee, MailboxSettings.DEFAULT_NO_ANSWER);
        Sipp.Running phone = phones.phone(callee, ALPHA, "phone_busy.xml", Duration.ofMillis(4000));
        try (DatagramSocket callersAudio = new DatagramSocket(0, FreePorts.LOOPBACK)) {
            Path scenario = leavingMessage("caller_leaves_message.xml", 1000, 1300, callersAudio.getLocalPort());
            CompletableFuture<byte[]> heard = CompletableFuture.supplyAsync(() -> audioOf(callersAudio));

            phones.call(scenario, caller, ALPHA, callee, "-mp", mediaPort()).assertPassed();

            phone.await().assertPassed();
            assertHeard(heard.get(10, TimeUnit.SECONDS), PromptLanguage.ENGLISH, "vm-isonphone");
        }
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
        smtp.stop();
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

    /** The same, with the caller's SDP naming {@code audioPort}, where the test hears what the node sends. */
    private Path leavingMessage(String scenario, int toneMillis, int talkMillis, int audioPort) throws Exception {
        Path filled = leavingMessage(scenario, toneMillis, talkMillis);
        return Files.writeString(filled, Files.readString(filled).replace("m=audio [media_port]", "m=audio " + audioPort));
    }

    /**
     * The payloads of the RTP packets {@code socket} receives, in turn, until none came for a second (or a
     * minute of audio came, more than any call here lasts).
     */
    private static byte[] audioOf(DatagramSocket socket) {
        ByteArrayOutputStream payloads = new ByteArrayOutputStream();
        byte[] buffer = new byte[1500];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout(5000);
            for (int received = 0; received < 3000; received++) {
                packet.setLength(buffer.length);
                socket.receive(packet);
                payloads.write(buffer, RTP_HEADER_BYTES, packet.getLength() - RTP_HEADER_BYTES);
                socket.setSoTimeout(1000);
            }
        } catch (SocketTimeoutException quiet) {
            // the call is over
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return payloads.toByteArray();
    }

    /**
     * The caller heard, frame for frame, "the person at extension" and the callee's digits, {@code state} ("is
     * unavailable" or "is busy"), "please leave your message after the tone" in {@code language}, then the tone.
     */
    private void assertHeard(byte[] audio, PromptLanguage language, String state) throws IOException {
        List<String> expected = new ArrayList<>(List.of("vm-theperson"));
        expected.addAll(Phrases.digits(callee));
        expected.addAll(List.of(state, "vm-intro", "beep"));
        PromptLibrary library = PromptLibrary.load(new SoundSettings(SOUNDS, SOUNDS, 1 << 20), Voicemail.PROMPTS);
        assertThat(indexOf(audio, framesOf(library.say(expected, language, G711.MU_LAW))))
                .as("where the caller's audio holds %s in %s", expected, language).isNotNegative();
    }

    private static byte[] framesOf(Prompt prompt) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int i = 0; i < prompt.frameCount(); i++) {
            frames.writeBytes(prompt.frame(i));
        }
        return frames.toByteArray();
    }

    /** Where {@code part} starts in {@code whole}; -1 if it is not in it. */
    private static int indexOf(byte[] whole, byte[] part) {
        for (int start = 0; start + part.length <= whole.length; start++) {
            if (Arrays.equals(whole, start, start + part.length, part, 0, part.length)) {
                return start;
            }
        }
        return -1;
    }

    /** {@code message} arrived at the mailbox's address, with its WAV, byte for byte, attached. */
    private static void assertMailedWithRecording(VoicemailMessage message) throws Exception {
        assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("the message's mail arrived").isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).extracting(String::valueOf).containsExactly("owner@example.com");
        byte[] stored = Files.readAllBytes(FOLDER.resolve("files").resolve(message.file()));
        Multipart parts = (Multipart) mail.getContent();
        List<byte[]> attached = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                try (InputStream in = parts.getBodyPart(i).getInputStream()) {
                    attached.add(in.readAllBytes());
                }
            }
        }
        assertThat(attached).singleElement().isEqualTo(stored);
    }

    /**
     * An English set holding every prompt voicemail plays, each 40 ms (two frames) of a tone of its own, and a
     * French set holding only "is unavailable" (80 ms, lower): the rest falls back to English.
     */
    private static Path prompts(Path sounds) {
        try {
            List<String> names = Voicemail.PROMPTS.stream().sorted().toList();
            for (int i = 0; i < names.size(); i++) {
                writeWav(sounds.resolve("en_US_f_Allison").resolve(names.get(i) + ".wav"),
                        TestAudio.tone(500 + 100 * i, 8000, 320));
            }
            writeWav(sounds.resolve("fr_FR_f_Test").resolve("vm-isunavail.wav"), TestAudio.tone(230, 8000, 640));
            return sounds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeWav(Path file, short[] samples) throws IOException {
        Files.createDirectories(file.getParent());
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        pcm.asShortBuffer().put(samples);
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples.length),
                AudioFileFormat.Type.WAVE, file.toFile());
    }

    private static GreenMail smtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** Mail to the test's server in clear, retried every 200 ms. */
    private static MailSettings mailSettings() {
        Properties properties = new Properties();
        properties.setProperty(MailSettings.PREFIX + "host", "127.0.0.1");
        properties.setProperty(MailSettings.PREFIX + "port", String.valueOf(SMTP_PORT));
        properties.setProperty(MailSettings.PREFIX + "from", "voicemail@pbx.example.com");
        properties.setProperty(MailSettings.PREFIX + "starttls", "off");
        properties.setProperty(MailSettings.PREFIX + "retry.millis", "200");
        return MailSettings.fromProperties(properties);
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
        return mailboxFor(number, domain, noAnswer, EmailNotification.NONE);
    }

    private Mailbox mailboxFor(String number, String domain, Duration noAnswer, EmailNotification mail) {
        UUID tenant = db.tenantId(domain);
        UUID extension = UUID.fromString(db.strings("select id::text from extension where tenant_id = ? and number = ?",
                tenant, number).getFirst());
        Mailbox mailbox = Mailbox.open(extension, tenant, new ExtensionNumber(number),
                VoicemailPin.choose("4826", new ExtensionNumber(number))).withSettings(
                new MailboxSettings(true, noAnswer, Greetings.NONE, mail));
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
