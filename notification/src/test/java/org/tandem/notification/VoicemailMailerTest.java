package org.tandem.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.files.SharedFiles;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery: off the caller's thread, retried while the server is down, bounded in tries, queue and time. */
class VoicemailMailerTest {

    private static final String ALICE = "alice@acme.example.com";

    @TempDir
    Path folder;
    private SharedFiles files;

    @BeforeEach
    void openFiles() throws IOException {
        files = MailFixture.files(folder);
    }

    @Test
    void aMailIsDeliveredOnceTheServerComesUp() throws Exception {
        int port = MailFixture.freePort();
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, true), MailFixture.wav(1));
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try (MailFixture.MailerLog log = new MailFixture.MailerLog();
             VoicemailMailer mailer = VoicemailMailer.start(MailFixture.settings(port, Map.of()), files)) {
            assertThat(mailer.submit(notice)).isTrue();
            log.await(line -> line.contains("failed (try 1 of 6)"));

            server.start();

            assertThat(server.waitForIncomingEmail(15_000, 1)).as("delivered by a retry").isTrue();
            log.await(line -> line.endsWith(" sent"));
            assertThat(log.messages()).noneMatch(line -> line.contains("given up"));
            assertThat(mailer.waiting()).isZero();
        } finally {
            server.stop();
        }
    }

    @Test
    void aMailIsGivenUpAfterTheBoundedTriesAndLoggedWithItsMessage() throws Exception {
        int port = MailFixture.freePort();
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, false), MailFixture.wav(1));
        try (MailFixture.MailerLog log = new MailFixture.MailerLog();
             VoicemailMailer mailer = VoicemailMailer.start(
                     MailFixture.settings(port, Map.of("tandem.smtp.attempts", "3", "tandem.smtp.retry.millis", "100")),
                     files)) {
            assertThat(mailer.submit(notice)).isTrue();

            log.await(line -> line.contains("given up"));
            assertThat(log.messages()).filteredOn(line -> line.contains("given up")).singleElement().asString()
                    .startsWith("Voicemail mail for message " + notice.message().id() + " given up after 3 tries");
            assertThat(log.messages()).filteredOn(line -> line.contains("failed (try")).hasSize(2);
            assertThat(mailer.waiting()).isZero();
        }
        assertThat(files.exists(org.tandem.files.FilePath.parse(notice.message().file()))).as("the recording stays").isTrue();
    }

    @Test
    void theQueueIsBoundedAndAFullOneDropsWithoutWaiting() throws Exception {
        int port = MailFixture.freePort();
        try (MailFixture.MailerLog log = new MailFixture.MailerLog();
             VoicemailMailer mailer = VoicemailMailer.start(
                     MailFixture.settings(port, Map.of("tandem.smtp.queue", "2", "tandem.smtp.retry.millis", "60000")),
                     files)) {
            assertThat(mailer.submit(MailFixture.stored(files, MailFixture.mailbox(ALICE, false), MailFixture.wav(1)))).isTrue();
            assertThat(mailer.submit(MailFixture.stored(files, MailFixture.mailbox(ALICE, false), MailFixture.wav(1)))).isTrue();
            VoicemailNotice third = MailFixture.stored(files, MailFixture.mailbox(ALICE, false), MailFixture.wav(1));

            assertThat(mailer.submit(third)).isFalse();
            assertThat(log.messages()).contains("Voicemail mail for message " + third.message().id()
                    + " dropped: 2 mails are waiting already");
        }
    }

    /** A server that takes the connection and never says a word: the try ends at the timeout, the caller never waits. */
    @Test
    void aSilentServerCostsTheTimeoutOnTheMailersThreadNotTheCallers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             MailFixture.MailerLog log = new MailFixture.MailerLog();
             VoicemailMailer mailer = VoicemailMailer.start(MailFixture.settings(silent.getLocalPort(),
                     Map.of("tandem.smtp.timeout.millis", "500", "tandem.smtp.attempts", "2")), files)) {
            Thread.ofVirtual().start(() -> {
                try (Socket held = silent.accept(); Socket heldToo = silent.accept()) {
                    Thread.sleep(30_000);
                } catch (IOException | InterruptedException ended) {
                    // the test is over
                }
            });
            VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, false), MailFixture.wav(1));

            long start = System.nanoTime();
            assertThat(mailer.submit(notice)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));

            log.await(line -> line.contains("given up"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("two tries of 0.5 s and a wait of 0.2 s")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(log.messages()).anyMatch(line -> line.contains("Read timed out"));
        }
    }

    @Test
    void noHostNoMailSaidOnceAtStart() throws Exception {
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, true), MailFixture.wav(1));
        try (MailFixture.MailerLog log = new MailFixture.MailerLog();
             VoicemailMailer mailer = VoicemailMailer.start(MailSettings.fromProperties(new Properties()), files)) {
            assertThat(mailer.submit(notice)).isFalse();
            assertThat(mailer.submit(notice)).isFalse();
            assertThat(log.messages()).containsExactly("No SMTP host set (TANDEM_SMTP_HOST): voicemail is not mailed");
        }
    }

    @Test
    void aMailboxWithoutAnAddressGetsNoMail() throws Exception {
        try (VoicemailMailer mailer = VoicemailMailer.start(MailFixture.settings(MailFixture.freePort(), Map.of()), files)) {
            assertThat(mailer.submit(MailFixture.stored(files, MailFixture.mailbox("", false), MailFixture.wav(1)))).isFalse();
            assertThat(mailer.waiting()).isZero();
        }
    }
}
