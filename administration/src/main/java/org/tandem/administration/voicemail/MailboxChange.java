package org.tandem.administration.voicemail;

/**
 * What a mailbox's owner or admin sets.
 *
 * @param noAnswerSeconds how long the extension rings first; a long, so a huge value is refused in words
 *                        rather than cut
 * @param email           blank for no email
 * @param newPin          blank or null keeps the PIN
 */
public record MailboxChange(boolean enabled, long noAnswerSeconds, String email, boolean attachAudio, String newPin) {
}
