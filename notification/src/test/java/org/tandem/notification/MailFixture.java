package org.tandem.notification;

import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.EmailNotification;
import org.tandem.domain.voicemail.Greetings;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MailboxSettings;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.domain.voicemail.VoicemailPin;
import org.tandem.files.FilePath;
import org.tandem.files.FilesException;
import org.tandem.files.FilesSettings;
import org.tandem.files.SharedFiles;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** A node's files with a recorded message in them, and the settings that mail it to a local test server. */
final class MailFixture {

    static final Instant RECEIVED = Instant.parse("2026-12-07T14:05:09Z");

    private MailFixture() {
    }

    static SharedFiles files(Path folder) throws FilesException {
        return SharedFiles.open(new FilesSettings(folder.resolve("shared"), folder.resolve("staging"), Optional.empty(),
                "node1"));
    }

    static Mailbox mailbox(String address, boolean attachAudio) {
        ExtensionNumber extension = new ExtensionNumber("101");
        return Mailbox.open(UUID.randomUUID(), UUID.randomUUID(), extension, VoicemailPin.choose("1010", extension))
                .withSettings(new MailboxSettings(true, MailboxSettings.DEFAULT_NO_ANSWER, Greetings.NONE,
                        EmailNotification.to(address, attachAudio)));
    }

    /** A message from {@code caller} in {@code mailbox}, its recording {@code wav} stored in {@code files}. */
    static VoicemailNotice stored(SharedFiles files, Mailbox mailbox, CallerId caller, byte[] wav, String ownerName,
                                  String tenantName, Optional<ZoneId> zone) throws FilesException {
        VoicemailMessage message = VoicemailMessage.recorded(mailbox, caller, RECEIVED, Duration.ofSeconds(42),
                UUID.randomUUID());
        files.write(FilePath.parse(message.file()), wav);
        return new VoicemailNotice(message, mailbox, ownerName, tenantName, zone);
    }

    static VoicemailNotice stored(SharedFiles files, Mailbox mailbox, byte[] wav) throws FilesException {
        return stored(files, mailbox, CallerId.asSent("0123456", "Bob Baker"), wav, "Alice Archer", "Acme Ltd",
                Optional.of(ZoneId.of("Europe/Berlin")));
    }

    /** {@code seconds} of a 440 Hz tone as an 8 kHz 16-bit mono WAV, what the recorder writes. */
    static byte[] wav(int seconds) throws IOException {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        byte[] pcm = new byte[seconds * 8000 * 2];
        for (int i = 0; i < pcm.length / 2; i++) {
            short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2),
                AudioFileFormat.Type.WAVE, wav);
        return wav.toByteArray();
    }

    /** A loopback port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Mail to 127.0.0.1:{@code port} in clear, quick retries, and {@code more} settings (tandem.smtp.* names). */
    static MailSettings settings(int port, Map<String, String> more) {
        Properties properties = new Properties();
        properties.setProperty("tandem.smtp.host", "127.0.0.1");
        properties.setProperty("tandem.smtp.port", String.valueOf(port));
        properties.setProperty("tandem.smtp.from", "voicemail@pbx.example.com");
        properties.setProperty("tandem.smtp.starttls", "off");
        properties.setProperty("tandem.smtp.retry.millis", "200");
        properties.setProperty("tandem.smtp.connect.timeout.millis", "2000");
        properties.setProperty("tandem.smtp.timeout.millis", "5000");
        properties.putAll(more);
        return MailSettings.fromProperties(properties);
    }

    /** The mailer's log records from now until closed. */
    static final class MailerLog extends Handler implements AutoCloseable {

        private final Logger logger = Logger.getLogger(VoicemailMailer.class.getName());
        private final List<LogRecord> records = new ArrayList<>();
        private final java.util.logging.Level level = logger.getLevel();

        MailerLog() {
            logger.setLevel(java.util.logging.Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        /** The records' texts, their parameters filled in. */
        synchronized List<String> messages() {
            return records.stream().map(record -> new java.util.logging.SimpleFormatter().formatMessage(record)).toList();
        }

        /** Waits up to 15 seconds for a record whose text matches {@code line}. */
        void await(java.util.function.Predicate<String> line) throws InterruptedException {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
            while (messages().stream().noneMatch(line)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no such log line in 15 s; the log: " + messages());
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(level);
        }
    }
}
