package org.tandem.api.extension;

import org.tandem.administration.extension.IssuedCredentials;

/**
 * An extension with the SIP password just made for it: the only answer that ever holds it.
 *
 * @param sipUser     the digest username with its realm, {@code number@sipDomain}
 * @param sipPassword the digest password; the node keeps only its hashes
 */
public record SipCredentials(Extension extension, String sipDomain, String sipUser, String sipPassword) {

    static SipCredentials of(IssuedCredentials issued) {
        return new SipCredentials(Extension.of(issued.extension(), issued.sipDomain()), issued.sipDomain(),
                issued.sipUser(), issued.sipPassword());
    }

    @Override
    public String toString() {
        return "SipCredentials[" + sipUser + ", password hidden]";
    }
}
