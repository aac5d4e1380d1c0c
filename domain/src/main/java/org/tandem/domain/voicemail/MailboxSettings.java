package org.tandem.domain.voicemail;

import java.time.Duration;
import java.util.Objects;

/**
 * What a mailbox's owner or the tenant's admin sets, besides the PIN.
 *
 * @param enabled      whether callers reach the mailbox; a disabled one keeps its messages
 * @param noAnswer     how long the extension rings before the mailbox answers: whole seconds,
 *                     {@link #MIN_NO_ANSWER} to {@link #MAX_NO_ANSWER}, as the database checks
 * @param greetings    which greetings are recorded, so which one plays
 * @param notification where new messages are told by email
 */
public record MailboxSettings(boolean enabled, Duration noAnswer, Greetings greetings, EmailNotification notification) {

    public static final Duration MIN_NO_ANSWER = Duration.ofSeconds(5);
    public static final Duration MAX_NO_ANSWER = Duration.ofSeconds(120);
    public static final Duration DEFAULT_NO_ANSWER = Duration.ofSeconds(20);
    /** A new mailbox's: enabled, the default ringing time, no greeting recorded, no email. */
    public static final MailboxSettings DEFAULT = new MailboxSettings(true, DEFAULT_NO_ANSWER, Greetings.NONE,
            EmailNotification.NONE);

    public MailboxSettings {
        Objects.requireNonNull(greetings, "greetings");
        Objects.requireNonNull(notification, "notification");
        if (noAnswer == null || noAnswer.compareTo(MIN_NO_ANSWER) < 0 || noAnswer.compareTo(MAX_NO_ANSWER) > 0
                || noAnswer.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("The extension rings " + MIN_NO_ANSWER.toSeconds() + " to "
                    + MAX_NO_ANSWER.toSeconds() + " seconds (whole seconds) before voicemail answers");
        }
    }
}
