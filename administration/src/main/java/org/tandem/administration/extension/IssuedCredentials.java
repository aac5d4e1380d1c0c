package org.tandem.administration.extension;

/**
 * An extension with the SIP password just made for it and, when the extension is new, its mailbox's
 * PIN. Both exist only in this answer (the database keeps their hashes), so they are shown to the
 * person once and never again.
 *
 * @param voicemailPin the PIN of the mailbox opened with a new extension; null when only the SIP password is new
 */
public record IssuedCredentials(ExtensionSummary extension, String sipDomain, String sipPassword, String voicemailPin) {

    /** What a phone registers as: {@code number@domain}. */
    public String sipUser() {
        return extension.number() + "@" + sipDomain;
    }

    @Override
    public String toString() {
        return "IssuedCredentials[" + sipUser() + ", password and PIN hidden]";
    }
}
