package org.tandem.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.files.SharedFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail as a real SMTP server (GreenMail, in this JVM) receives it. */
class VoicemailMailTest {

    private static final String ALICE = "alice@acme.example.com";

    @TempDir
    Path folder;
    private GreenMail server;
    private SharedFiles files;
    private int port;

    @BeforeEach
    void startServer() throws IOException {
        port = MailFixture.freePort();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        files = MailFixture.files(folder);
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void theRecordingGoesAlongAsAudioWavWithTheTimeInTheTenantsZone() throws Exception {
        byte[] wav = MailFixture.wav(2);
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, true), wav);

        MimeMessage mail = sendOne(notice, Map.of());

        assertThat(mail.getSubject()).isEqualTo("New voicemail from Bob Baker (0123456) for 101 Alice Archer");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(ALICE);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Acme Ltd voicemail <voicemail@pbx.example.com>");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat((String) parts.getBodyPart(0).getContent())
                .contains("Acme Ltd: a new voicemail for 101 Alice Archer.")
                .contains("From: Bob Baker (0123456)")
                .contains("Received: Monday 7 December 2026, 15:05:09 (Europe/Berlin)")
                .contains("Length: 0:42")
                .contains("The recording is attached.");
        Part recording = parts.getBodyPart(1);
        assertThat(recording.getContentType()).startsWith("audio/wav");
        assertThat(recording.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(recording.getFileName()).isEqualTo("voicemail-20261207-140509.wav");
        assertThat(recording.getInputStream().readAllBytes()).isEqualTo(wav);
    }

    @Test
    void noRecordingWhenTheMailboxDoesNotAskForIt() throws Exception {
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, false), MailFixture.wav(1));

        MimeMessage mail = sendOne(notice, Map.of());

        assertThat(mail.getContent()).isInstanceOf(String.class);
        assertThat((String) mail.getContent()).contains("Listen to it in the portal or by phone.")
                .doesNotContain("attached");
    }

    @Test
    void aRecordingAboveTheLimitIsToldOfNotAttached() throws Exception {
        byte[] wav = MailFixture.wav(1);
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, true), wav);

        MimeMessage mail = sendOne(notice, Map.of("tandem.smtp.attach.max.bytes", String.valueOf(wav.length - 1)));

        assertThat(mail.getContent()).isInstanceOf(String.class);
        assertThat((String) mail.getContent()).contains("(15 KiB) is too big to attach: listen to it in the portal");
    }

    @Test
    void theTimeIsInUtcWhenTheTenantHasNoZoneAndAnExtensionWithoutANameIsItsNumber() throws Exception {
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, false),
                CallerId.asSent("+4930123456", null), MailFixture.wav(1), "", "Acme Ltd", Optional.empty());

        MimeMessage mail = sendOne(notice, Map.of());

        assertThat(mail.getSubject()).isEqualTo("New voicemail from +4930123456 for 101");
        assertThat((String) mail.getContent()).contains("Received: Monday 7 December 2026, 14:05:09 (UTC)");
    }

    @Test
    void namesWithLineBreaksMakeNoHeaderAndNoRecipient() throws Exception {
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, false),
                CallerId.asSent("0123456", "Mallory\r\nBcc: caller@evil.example"), MailFixture.wav(1),
                "Eve\r\nBcc: owner@evil.example\r\n\r\nforged body", "Acme\nX-Injected: yes", Optional.empty());

        MimeMessage mail = sendOne(notice, Map.of());

        assertThat(server.getReceivedMessages()).hasSize(1);
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getHeader("X-Injected")).isNull();
        assertThat(mail.getSubject()).isEqualTo("New voicemail from MalloryBcc: caller@evil.example (0123456)"
                + " for 101 EveBcc: owner@evil.exampleforged body");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("\"AcmeX-Injected: yes voicemail\" <voicemail@pbx.example.com>");
    }

    @Test
    void nonAsciiNamesAreEncodedWordsInTheHeaders() throws Exception {
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, false),
                CallerId.asSent("0123456", "Zoë Ångström"), MailFixture.wav(1), "Jürgen Weiß", "Café Müller GmbH",
                Optional.empty());

        MimeMessage mail = sendOne(notice, Map.of());

        assertThat(mail.getSubject()).isEqualTo("New voicemail from Zoë Ångström (0123456) for 101 Jürgen Weiß");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?").doesNotContain("ë", "ü");
        assertThat(mail.getHeader("From")[0]).startsWith("=?UTF-8?").doesNotContain("é");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal())
                .isEqualTo("Café Müller GmbH voicemail");
        assertThat((String) mail.getContent()).contains("Café Müller GmbH: a new voicemail for 101 Jürgen Weiß.");
    }

    private MimeMessage sendOne(VoicemailNotice notice, Map<String, String> settings) throws Exception {
        try (VoicemailMailer mailer = VoicemailMailer.start(MailFixture.settings(port, settings), files)) {
            assertThat(mailer.submit(notice)).isTrue();
            assertThat(server.waitForIncomingEmail(10_000, 1)).as("a mail arrived").isTrue();
        }
        return server.getReceivedMessages()[0];
    }
}
