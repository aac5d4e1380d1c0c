package org.tandem.engine.auth;

import org.tandem.domain.extension.SipCredentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Checks a digest response against the stored HA1 hash (RFC 2617 3.2.2.1 with {@code qop=auth},
 * RFC 7616 3.4.1 for SHA-256): response = H(HA1:nonce:nc:cnonce:qop:H(method:uri)). The password is
 * never needed, and the comparison takes the same time whatever the response.
 */
public final class DigestVerifier {

    /**
     * Whether {@code credentials} (complete, see {@link DigestCredentials#isComplete()}) answer the
     * nonce they name for a request of {@code method}, with the account's {@code stored} hashes.
     */
    public boolean responseMatches(DigestCredentials credentials, DigestAlgorithm algorithm,
                                   SipCredentials stored, String method) {
        String ha2 = algorithm.hash(method + ":" + credentials.uri());
        String expected = algorithm.hash(String.join(":", algorithm.ha1(stored), credentials.nonce(),
                credentials.nonceCount(), credentials.cnonce(), credentials.qop(), ha2));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
