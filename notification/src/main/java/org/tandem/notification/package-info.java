/**
 * Voicemail by email: when a message is stored, its mailbox's owner gets one mail through the operator's
 * SMTP server ({@link org.tandem.notification.MailSettings}), with the recording attached when the mailbox
 * asks for it. {@link org.tandem.notification.VoicemailMailer} sends off the caller's threads and retries
 * while the server is down; the message itself is stored before and whatever happens to its mail.
 * Plain Java SE with Jakarta Mail as a library: no Jakarta EE container API.
 */
package org.tandem.notification;
