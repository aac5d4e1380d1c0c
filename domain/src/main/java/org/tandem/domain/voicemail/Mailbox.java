package org.tandem.domain.voicemail;

import org.tandem.domain.extension.ExtensionNumber;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * An extension's mailbox, part of its tenant's configuration (written on the tenant's home node). Its id
 * is its extension's: an extension has one mailbox at most.
 *
 * @param extensionId the extension's id, also the mailbox's
 * @param extension   the extension's number, which the mailbox's files are filed under
 * @param enabled     whether callers reach it; a disabled mailbox keeps its messages
 * @param noAnswer    how long the extension rings before the mailbox answers: whole seconds,
 *                    {@link #MIN_NO_ANSWER} to {@link #MAX_NO_ANSWER}, as the database checks
 */
public record Mailbox(UUID extensionId, UUID tenantId, ExtensionNumber extension, boolean enabled, VoicemailPin pin,
                      Duration noAnswer, Greetings greetings, EmailNotification notification) {

    public static final Duration MIN_NO_ANSWER = Duration.ofSeconds(5);
    public static final Duration MAX_NO_ANSWER = Duration.ofSeconds(120);
    public static final Duration DEFAULT_NO_ANSWER = Duration.ofSeconds(20);

    public Mailbox {
        Objects.requireNonNull(extensionId, "extension id");
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(extension, "extension number");
        Objects.requireNonNull(pin, "PIN");
        Objects.requireNonNull(noAnswer, "no-answer timeout");
        Objects.requireNonNull(greetings, "greetings");
        Objects.requireNonNull(notification, "notification");
        if (noAnswer.compareTo(MIN_NO_ANSWER) < 0 || noAnswer.compareTo(MAX_NO_ANSWER) > 0 || noAnswer.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("The extension rings " + MIN_NO_ANSWER.toSeconds() + " to "
                    + MAX_NO_ANSWER.toSeconds() + " seconds (whole seconds) before voicemail answers");
        }
    }

    /** A new, enabled mailbox with no greeting recorded, no notification and the default ringing time. */
    public static Mailbox open(UUID extensionId, UUID tenantId, ExtensionNumber extension, VoicemailPin pin) {
        return new Mailbox(extensionId, tenantId, extension, true, pin, DEFAULT_NO_ANSWER, Greetings.NONE,
                EmailNotification.NONE);
    }

    public Mailbox withPin(VoicemailPin newPin) {
        return new Mailbox(extensionId, tenantId, extension, enabled, newPin, noAnswer, greetings, notification);
    }

    public Mailbox withSettings(boolean enabledNow, Duration noAnswerNow, Greetings greetingsNow,
                                EmailNotification notificationNow) {
        return new Mailbox(extensionId, tenantId, extension, enabledNow, pin, noAnswerNow, greetingsNow, notificationNow);
    }
}
