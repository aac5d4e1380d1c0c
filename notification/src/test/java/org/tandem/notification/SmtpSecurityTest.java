package org.tandem.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.files.SharedFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS and AUTH against GreenMail's SMTPS with a certificate made for 127.0.0.1 (the server's identity is
 * checked), and STARTTLS required of a server that does not offer it.
 */
class SmtpSecurityTest {

    private static final String ALICE = "alice@acme.example.com";

    @TempDir
    static Path keys;
    private static Path caFile;

    @TempDir
    Path folder;
    private SharedFiles files;
    private int port;
    private GreenMail server;

    /** GreenMail reads its key store from these properties once per JVM: this class is the only one using TLS. */
    @BeforeAll
    static void makeTheServersCertificate() throws Exception {
        Path store = keys.resolve("server.p12");
        caFile = keys.resolve("server.pem");
        keytool("-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "greenmail", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", caFile.toString());
        System.setProperty("greenmail.tls.keystore.file", store.toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
    }

    @BeforeEach
    void openFiles() throws IOException {
        files = MailFixture.files(folder);
        port = MailFixture.freePort();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void implicitTlsWithAuthDelivers() throws Exception {
        startSmtps();
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, true), MailFixture.wav(1));
        try (VoicemailMailer mailer = VoicemailMailer.start(tls("s3cret", true), files)) {
            assertThat(mailer.submit(notice)).isTrue();
            assertThat(server.waitForIncomingEmail(10_000, 1)).isTrue();
        }
        assertThat(server.getReceivedMessages()[0].getSubject()).startsWith("New voicemail from Bob Baker");
    }

    @Test
    void aWrongPasswordIsRefusedForGoodAndNotRetried() throws Exception {
        assertThat(givenUp(tls("wrong", true))).anyMatch(line -> line.contains("given up after 1 tries"));
    }

    @Test
    void aServerCertificateNotTrustedGetsNothing() throws Exception {
        assertThat(givenUp(tls("s3cret", false))).anyMatch(line -> line.contains("SSLHandshakeException"));
    }

    /** The log of a mail given up by a mailer with {@code settings}, which the server never got. */
    private List<String> givenUp(MailSettings settings) throws Exception {
        startSmtps();
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, false), MailFixture.wav(1));
        try (MailFixture.MailerLog log = new MailFixture.MailerLog();
             VoicemailMailer mailer = VoicemailMailer.start(settings, files)) {
            assertThat(mailer.submit(notice)).isTrue();
            log.await(line -> line.contains("given up"));
            assertThat(server.getReceivedMessages()).isEmpty();
            return log.messages();
        }
    }

    @Test
    void requiredStartTlsSendsNothingToAServerWithoutIt() throws Exception {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, true), MailFixture.wav(1));
        try (MailFixture.MailerLog log = new MailFixture.MailerLog();
             VoicemailMailer mailer = VoicemailMailer.start(MailFixture.settings(port,
                     Map.of("tandem.smtp.starttls", "required", "tandem.smtp.attempts", "2")), files)) {
            assertThat(mailer.submit(notice)).isTrue();
            log.await(line -> line.contains("given up"));
            assertThat(log.messages()).anyMatch(line -> line.contains("STARTTLS is required"));
        }
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void optionalStartTlsSendsInClearToAServerWithoutIt() throws Exception {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        VoicemailNotice notice = MailFixture.stored(files, MailFixture.mailbox(ALICE, false), MailFixture.wav(1));
        try (VoicemailMailer mailer = VoicemailMailer.start(
                MailFixture.settings(port, Map.of("tandem.smtp.starttls", "optional")), files)) {
            assertThat(mailer.submit(notice)).isTrue();
            assertThat(server.waitForIncomingEmail(10_000, 1)).isTrue();
        }
    }

    @Test
    void aCaFileWithoutCertificatesStopsTheStart() throws Exception {
        Path notPem = folder.resolve("not.pem");
        java.nio.file.Files.writeString(notPem, "no certificate here\n");
        MailSettings settings = MailFixture.settings(port, Map.of("tandem.smtp.ca.file", notPem.toString()));

        assertThatThrownBy(() -> VoicemailMailer.start(settings, files))
                .hasMessageStartingWith("tandem.smtp.ca.file " + notPem);
    }

    private void startSmtps() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("tandem", "s3cret"));
        server.start();
    }

    private MailSettings tls(String password, boolean trustTheServer) {
        Map<String, String> settings = new HashMap<>(Map.of("tandem.smtp.tls", "true", "tandem.smtp.username", "tandem",
                "tandem.smtp.password", password, "tandem.smtp.attempts", "2"));
        if (trustTheServer) {
            settings.put("tandem.smtp.ca.file", caFile.toString());
        }
        return MailFixture.settings(port, settings);
    }

    private static void keytool(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }
}
