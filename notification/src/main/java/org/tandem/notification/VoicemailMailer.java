package org.tandem.notification;

import org.tandem.files.SharedFiles;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mails voicemail notices through the operator's SMTP server on a thread of its own: {@link #submit}
 * only queues, so a call never waits for mail. A try that fails is retried with doubling waits up to
 * {@link MailSettings#attempts()} tries; a mail the server refuses for good (a 5xx reply) is not retried.
 * A mail given up is logged with its message's id; the message stays in its mailbox either way.
 */
public final class VoicemailMailer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VoicemailMailer.class.getName());

    private final MailSettings settings;
    private final SharedFiles files;
    private final Properties sessionProperties;
    private final ScheduledExecutorService sender;
    private final AtomicInteger waiting = new AtomicInteger();

    private VoicemailMailer(MailSettings settings, SharedFiles files) {
        this.settings = settings;
        this.files = files;
        this.sessionProperties = settings.enabled() ? sessionProperties(settings) : new Properties();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "tandem-voicemail-mail");
            thread.setDaemon(true);
            // Jakarta Mail finds its provider through this loader: Angus sits beside this class, in the EAR too
            thread.setContextClassLoader(VoicemailMailer.class.getClassLoader());
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.sender = executor;
    }

    /** A mailer with {@code settings}, reading recordings from {@code files}; says once if mail is off. */
    public static VoicemailMailer start(MailSettings settings, SharedFiles files) {
        if (settings.enabled()) {
            LOG.log(System.Logger.Level.INFO, "Voicemail is mailed through {0}:{1} ({2})", settings.host().orElseThrow(),
                    String.valueOf(settings.port()), settings.implicitTls() ? "TLS" : "STARTTLS " + settings.startTls());
        } else {
            LOG.log(System.Logger.Level.INFO, "No SMTP host set (TANDEM_SMTP_HOST): voicemail is not mailed");
        }
        return new VoicemailMailer(settings, files);
    }

    /**
     * Queues the mail telling of {@code notice}'s message, without waiting. False when no mail will go:
     * mail is off, the mailbox has no address, or the queue is full (logged).
     */
    public boolean submit(VoicemailNotice notice) {
        if (!settings.enabled() || notice.mailbox().settings().notification().address().isEmpty()) {
            return false;
        }
        if (waiting.incrementAndGet() > settings.queue()) {
            waiting.decrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "Voicemail mail for message {0} dropped: {1} mails are waiting already",
                    notice.message().id(), String.valueOf(settings.queue()));
            return false;
        }
        try {
            sender.execute(() -> attempt(notice, 1));
            return true;
        } catch (RuntimeException closed) {
            waiting.decrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "Voicemail mail for message {0} not sent: the mailer is closed",
                    notice.message().id());
            return false;
        }
    }

    /** Mails queued or waiting for a retry. */
    public int waiting() {
        return waiting.get();
    }

    private void attempt(VoicemailNotice notice, int attempt) {
        try {
            // made on this thread, whose context class loader finds Angus
            Session session = Session.getInstance(sessionProperties);
            MimeMessage mail = VoicemailMail.compose(session, settings, files, notice);
            try (Transport transport = session.getTransport()) {
                transport.connect(settings.host().orElseThrow(), settings.port(), settings.username().orElse(null),
                        settings.username().isPresent() ? settings.password() : null);
                transport.sendMessage(mail, mail.getAllRecipients());
            }
            waiting.decrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "Voicemail mail for message {0} sent", notice.message().id());
        } catch (MessagingException | IOException | RuntimeException failed) {
            if (attempt < settings.attempts() && !refusedForGood(failed)) {
                Duration wait = settings.retryAfter(attempt);
                LOG.log(System.Logger.Level.INFO, "Voicemail mail for message {0} failed (try {1} of {2}), next in {3}: {4}",
                        notice.message().id(), String.valueOf(attempt), String.valueOf(settings.attempts()), wait,
                        String.valueOf(failed));
                try {
                    sender.schedule(() -> attempt(notice, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (RuntimeException closed) {
                    // closing: given up below
                }
            }
            waiting.decrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "Voicemail mail for message {0} given up after {1} tries: {2}",
                    notice.message().id(), String.valueOf(attempt), String.valueOf(failed));
        }
    }

    /**
     * A 5xx reply to the login (RFC 4954's 535: the credentials are wrong, 454 would be a passing failure),
     * the sender or a recipient: the same mail would be refused again.
     */
    private static boolean refusedForGood(Exception failed) {
        return failed instanceof AuthenticationFailedException login && login.getMessage() != null
                && login.getMessage().startsWith("5")
                || failed instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 500
                || failed instanceof SMTPAddressFailedException badAddress && badAddress.getReturnCode() >= 500
                || failed instanceof MessagingException wrapper
                && wrapper.getNextException() instanceof SMTPAddressFailedException address
                && address.getReturnCode() >= 500;
    }

    /** Stops sending; mails still waiting are not sent (logged), their messages stay in their mailboxes. */
    @Override
    public void close() {
        List<Runnable> unsent = sender.shutdownNow();
        if (!unsent.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "{0} voicemail mails not sent: the node is stopping", String.valueOf(waiting.get()));
        }
    }

    private static Properties sessionProperties(MailSettings settings) {
        String protocol = settings.implicitTls() ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", protocol);
        properties.setProperty(prefix + "connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        properties.setProperty(prefix + "timeout", String.valueOf(settings.timeout().toMillis()));
        properties.setProperty(prefix + "writetimeout", String.valueOf(settings.timeout().toMillis()));
        properties.setProperty(prefix + "auth", String.valueOf(settings.username().isPresent()));
        properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        if (!settings.implicitTls() && settings.startTls() != StartTls.OFF) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", String.valueOf(settings.startTls() == StartTls.REQUIRED));
        }
        settings.caFile().ifPresent(file -> properties.put(prefix + "ssl.socketFactory", trusting(file)));
        return properties;
    }

    /** TLS that trusts the certificates in the PEM {@code file} and no others. */
    private static SSLSocketFactory trusting(java.nio.file.Path file) {
        try (InputStream pem = Files.newInputStream(file)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trusted.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new IllegalArgumentException(MailSettings.PREFIX + "ca.file " + file + " holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (IOException | GeneralSecurityException unreadable) {
            throw new IllegalArgumentException(MailSettings.PREFIX + "ca.file " + file
                    + " is not readable PEM certificates: " + unreadable.getMessage(), unreadable);
        }
    }
}
