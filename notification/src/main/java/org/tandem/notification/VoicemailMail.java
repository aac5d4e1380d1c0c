package org.tandem.notification;

import org.tandem.domain.shared.Names;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.files.FilePath;
import org.tandem.files.SharedFiles;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * The mail that tells a mailbox's owner of a new message. Every name in it came from a caller's phone or
 * an admin's form, so each header text is cut to what is shown as it is (no CR or LF can start a header
 * of its own) and non-ASCII text is encoded per RFC 2047 by Jakarta Mail.
 */
final class VoicemailMail {

    private static final String CHARSET = StandardCharsets.UTF_8.name();
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm:ss", Locale.ENGLISH);

    private VoicemailMail() {
    }

    /** The mail for {@code notice}, with its recording read from {@code files} if it goes along. */
    static MimeMessage compose(Session session, MailSettings settings, SharedFiles files, VoicemailNotice notice)
            throws MessagingException, IOException {
        VoicemailMessage message = notice.message();
        String to = notice.mailbox().settings().notification().address()
                .orElseThrow(() -> new IllegalArgumentException("mailbox " + notice.mailbox().extension().digits()
                        + " has no email address"));
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(sender(settings.from(), shown(notice.tenantName() + " voicemail")));
        mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        mail.setSubject("New voicemail from " + caller(message.caller()) + " for " + mailboxName(notice), CHARSET);
        mail.setSentDate(new Date());
        mail.setHeader("Auto-Submitted", "auto-generated");

        StringBuilder body = new StringBuilder()
                .append(shown(notice.tenantName())).append(": a new voicemail for ").append(mailboxName(notice))
                .append(".\n\nFrom: ").append(caller(message.caller()))
                .append("\nReceived: ").append(receivedAt(message, notice.zone().orElse(UTC)))
                .append("\nLength: ").append(length(message.duration())).append("\n\n");
        MimeBodyPart recording = null;
        if (notice.mailbox().settings().notification().attachAudio()) {
            FilePath file = FilePath.parse(message.file());
            long size = files.size(file);
            if (size <= settings.maxAttachBytes()) {
                recording = new MimeBodyPart();
                recording.setDataHandler(new DataHandler(new ByteArrayDataSource(files.read(file), "audio/wav")));
                recording.setFileName("voicemail-" + message.receivedAt().atZone(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")) + ".wav");
                recording.setDisposition(MimeBodyPart.ATTACHMENT);
                body.append("The recording is attached.\n");
            } else {
                body.append("The recording (").append(size / 1024).append(" KiB) is too big to attach: ")
                        .append("listen to it in the portal or by phone.\n");
            }
        } else {
            body.append("Listen to it in the portal or by phone.\n");
        }
        if (recording == null) {
            mail.setText(body.toString(), CHARSET);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body.toString(), CHARSET);
            MimeMultipart parts = new MimeMultipart();
            parts.addBodyPart(text);
            parts.addBodyPart(recording);
            mail.setContent(parts);
        }
        mail.saveChanges();
        return mail;
    }

    /** "0123456" or "Bob Baker (0123456)". */
    private static String caller(CallerId caller) {
        return caller.name().map(name -> shown(name) + " (" + caller.number() + ")").orElse(caller.number());
    }

    /** "101 Alice Archer", or "101" for an extension without a name. */
    private static String mailboxName(VoicemailNotice notice) {
        String owner = shown(notice.ownerName());
        String number = notice.mailbox().extension().digits();
        return owner.isEmpty() ? number : number + " " + owner;
    }

    private static String receivedAt(VoicemailMessage message, ZoneId zone) {
        ZonedDateTime at = message.receivedAt().atZone(zone);
        return at.format(TIME) + " (" + zone.getId() + ")";
    }

    /** "0:42", "12:05", "1:00:00". */
    private static String length(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static InternetAddress sender(String from, String name) throws MessagingException {
        InternetAddress configured = new InternetAddress(from, true);
        if (configured.getPersonal() != null) {
            return configured;
        }
        try {
            return new InternetAddress(configured.getAddress(), name, CHARSET);
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code text} as it can be shown on one line: the one rule for names shown anywhere. */
    private static String shown(String text) {
        return Names.shownPart(text, Names.MAX_LENGTH);
    }
}
