package org.tandem.administration.voicemail;

/** An extension made before every new extension got its mailbox: callers cannot leave it messages until one is opened. */
public record ExtensionWithoutMailbox(String number, String displayName) {
}
