package org.tandem.administration.voicemail;

/**
 * A mailbox's settings and what it holds, as a form or the API shows them; the PIN is never shown.
 *
 * @param email         where new messages are told, null for nowhere
 * @param newMessages   messages not yet heard (what lights the phone's lamp)
 * @param savedMessages messages heard or kept
 */
public record MailboxSummary(String number, String displayName, boolean enabled, int noAnswerSeconds, String email,
                             boolean attachAudio, int newMessages, int savedMessages) {
}
