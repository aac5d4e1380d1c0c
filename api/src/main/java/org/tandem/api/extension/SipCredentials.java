package org.tandem.api.extension;

import org.tandem.administration.extension.IssuedCredentials;

/**
 * An extension with the SIP password just made for it: the only answer that ever holds it, and the
 * only one that holds the PIN of a new extension's mailbox.
 *
 * @param sipUser      the digest username with its realm, {@code number@sipDomain}
 * @param sipPassword  the digest password; the node keeps only its hashes
 * @param voicemailPin the new mailbox's PIN; null (left out) when only the SIP password is new
 */
public record SipCredentials(Extension extension, String sipDomain, String sipUser, String sipPassword,
                             String voicemailPin) {

    static SipCredentials of(IssuedCredentials issued) {
        return new SipCredentials(Extension.of(issued.extension(), issued.sipDomain()), issued.sipDomain(),
                issued.sipUser(), issued.sipPassword(), issued.voicemailPin());
    }

    @Override
    public String toString() {
        return "SipCredentials[" + sipUser + ", password and PIN hidden]";
    }
}
