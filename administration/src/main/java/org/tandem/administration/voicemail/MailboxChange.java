package org.tandem.administration.voicemail;

/**
 * What a mailbox's owner or admin sets; null where nothing was given (the service says what is required).
 *
 * @param noAnswerSeconds how long the extension rings first; a long, so a huge value is refused in words
 *                        rather than cut
 * @param email           blank for no email
 * @param newPin          blank or null keeps the PIN
 */
public record MailboxChange(Boolean enabled, Long noAnswerSeconds, String email, boolean attachAudio, String newPin) {
}
