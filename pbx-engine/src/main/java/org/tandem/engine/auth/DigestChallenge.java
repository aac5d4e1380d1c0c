package org.tandem.engine.auth;

import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The challenge headers of a 401 or 407: one per offered algorithm in the tenant's order of preference
 * (RFC 8760 2.4), all with the same nonce and {@code qop="auth"}. A phone that follows RFC 8760
 * answers the first it knows.
 */
final class DigestChallenge {

    private final HeaderFactory headers;

    DigestChallenge(HeaderFactory headers) {
        this.headers = headers;
    }

    /**
     * @param stale the phone's credentials were right but its nonce was not: it may retry without asking its user
     * @param proxy Proxy-Authenticate headers, for a 407 (RFC 3261 22.3), rather than WWW-Authenticate
     */
    List<WWWAuthenticateHeader> headers(List<DigestAlgorithm> offered, String realm, String nonce, boolean stale,
                                        boolean proxy) {
        List<WWWAuthenticateHeader> challenges = new ArrayList<>();
        try {
            for (DigestAlgorithm algorithm : offered) {
                WWWAuthenticateHeader challenge = proxy ? headers.createProxyAuthenticateHeader("Digest")
                        : headers.createWWWAuthenticateHeader("Digest");
                challenge.setRealm(realm);
                challenge.setNonce(nonce);
                challenge.setAlgorithm(algorithm.token());
                challenge.setQop("auth");
                if (stale) {
                    challenge.setStale(true);
                }
                challenges.add(challenge);
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot challenge in realm " + realm, e);
        }
        return challenges;
    }
}
