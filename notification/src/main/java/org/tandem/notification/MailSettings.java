package org.tandem.notification;

import org.tandem.domain.settings.NodeSettings;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * How a node sends mail, from its settings (docs/operations.md, "Voicemail by email"). No host, no mail.
 *
 * @param host           the SMTP server (TANDEM_SMTP_HOST); empty: voicemail is not mailed
 * @param port           its port (TANDEM_SMTP_PORT): 465 with implicit TLS, else 25
 * @param from           the sender's address (TANDEM_SMTP_FROM), required with a host
 * @param username       the login (TANDEM_SMTP_USERNAME); empty: no AUTH
 * @param password       its password (TANDEM_SMTP_PASSWORD)
 * @param implicitTls    TLS from the first byte, SMTPS (TANDEM_SMTP_TLS); then STARTTLS is not used
 * @param startTls       whether the connection is upgraded (TANDEM_SMTP_STARTTLS)
 * @param caFile         PEM certificates trusted for the server instead of the JDK's (TANDEM_SMTP_CA_FILE)
 * @param connectTimeout the longest wait for a connection (TANDEM_SMTP_CONNECT_TIMEOUT_MILLIS)
 * @param timeout        the longest wait for any read or write (TANDEM_SMTP_TIMEOUT_MILLIS)
 * @param maxAttachBytes the biggest recording attached; a bigger one is told of (TANDEM_SMTP_ATTACH_MAX_BYTES)
 * @param attempts       tries per mail before it is given up (TANDEM_SMTP_ATTEMPTS)
 * @param firstRetry     the wait before the second try, doubled for each later one (TANDEM_SMTP_RETRY_MILLIS)
 * @param queue          mails waiting at most; more are dropped and logged (TANDEM_SMTP_QUEUE)
 */
public record MailSettings(Optional<String> host, int port, String from, Optional<String> username, String password,
                           boolean implicitTls, StartTls startTls, Optional<Path> caFile, Duration connectTimeout,
                           Duration timeout, long maxAttachBytes, int attempts, Duration firstRetry, int queue) {

    public static final String PREFIX = "tandem.smtp.";
    /** Retries wait no longer than this however many came before: a server back is used within it. */
    public static final Duration LONGEST_RETRY = Duration.ofMinutes(15);

    public MailSettings {
        if (Stream.of(host, username, password, startTls, caFile).anyMatch(Objects::isNull)) {
            throw new NullPointerException("a mail setting is missing: " + Arrays.asList(host, username, startTls, caFile));
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(PREFIX + "port must be 1-65535, not " + port);
        }
        if (host.isPresent()) {
            requireAddress(from);
        }
        if (maxAttachBytes < 0 || attempts < 1 || queue < 1 || firstRetry.isNegative()
                || connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the mail's limits must be positive");
        }
    }

    /** The settings in {@code properties} (tandem.smtp.*). */
    public static MailSettings fromProperties(Properties properties) {
        Optional<String> host = text(properties, "host");
        boolean implicitTls = Boolean.parseBoolean(text(properties, "tls").orElse("false"));
        return new MailSettings(host,
                NodeSettings.positive(properties, PREFIX + "port", implicitTls ? 465 : 25),
                text(properties, "from").orElse(""),
                text(properties, "username"),
                text(properties, "password").orElse(""),
                implicitTls,
                text(properties, "starttls").map(value -> StartTls.parse(PREFIX + "starttls", value))
                        .orElse(StartTls.REQUIRED),
                text(properties, "ca.file").map(Path::of),
                Duration.ofMillis(NodeSettings.positive(properties, PREFIX + "connect.timeout.millis", 10_000)),
                Duration.ofMillis(NodeSettings.positive(properties, PREFIX + "timeout.millis", 30_000)),
                NodeSettings.wholeNumber(properties, PREFIX + "attach.max.bytes", 10 * 1024 * 1024),
                NodeSettings.positive(properties, PREFIX + "attempts", 6),
                Duration.ofMillis(NodeSettings.positive(properties, PREFIX + "retry.millis", 30_000)),
                NodeSettings.positive(properties, PREFIX + "queue", 1000));
    }

    /** Whether mail is sent at all. */
    public boolean enabled() {
        return host.isPresent();
    }

    /** The wait after failed try number {@code attempt} (1 for the first). */
    public Duration retryAfter(int attempt) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private static Optional<String> text(Properties properties, String name) {
        return Optional.ofNullable(properties.getProperty(PREFIX + name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static void requireAddress(String from) {
        try {
            new InternetAddress(from, true).validate();
        } catch (AddressException notAnAddress) {
            throw new IllegalArgumentException(PREFIX + "from must be the sender's email address, not '" + from
                    + "'", notAnAddress);
        }
    }

    @Override
    public String toString() {
        // the password stays out of logs and exceptions
        return "MailSettings[host=" + host + ", port=" + port + ", from=" + from + ", username=" + username
                + ", implicitTls=" + implicitTls + ", startTls=" + startTls + "]";
    }
}
