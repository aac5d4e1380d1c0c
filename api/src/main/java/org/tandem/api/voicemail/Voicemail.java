package org.tandem.api.voicemail;

import org.tandem.administration.voicemail.MailboxSummary;

/**
 * An extension's mailbox: its settings (never its PIN) and how many messages it holds.
 *
 * @param email null when new messages are told to no one
 */
public record Voicemail(String number, String displayName, boolean enabled, int noAnswerSeconds, String email,
                        boolean attachAudio, int newMessages, int savedMessages) {

    static Voicemail of(MailboxSummary mailbox) {
        return new Voicemail(mailbox.number(), mailbox.displayName(), mailbox.enabled(), mailbox.noAnswerSeconds(),
                mailbox.email(), mailbox.attachAudio(), mailbox.newMessages(), mailbox.savedMessages());
    }
}
