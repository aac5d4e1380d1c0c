package org.tandem.administration.extension;

/**
 * An extension with the SIP password just made for it. The password exists only in this answer (the
 * database keeps its digest hashes), so it is shown to the person once and never again.
 */
public record IssuedCredentials(ExtensionSummary extension, String sipDomain, String sipPassword) {

    /** What a phone registers as: {@code number@domain}. */
    public String sipUser() {
        return extension.number() + "@" + sipDomain;
    }

    @Override
    public String toString() {
        return "IssuedCredentials[" + sipUser() + ", password hidden]";
    }
}
