package org.tandem.engine.auth;

import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The WWW-Authenticate headers of a 401: one challenge per offered algorithm in order of preference
 * (RFC 8760 2.4; by default MD5 first for the phones that read only the first, SHA-256 second), all with the same nonce and
 * {@code qop="auth"}. A phone that follows RFC 8760 answers the first it knows.
 */
public final class DigestChallenge {

    private final HeaderFactory headers;
    private final List<DigestAlgorithm> offered;

    public DigestChallenge(HeaderFactory headers, List<DigestAlgorithm> offered) {
        this.headers = headers;
        this.offered = List.copyOf(offered);
    }

    /** @param stale the phone's credentials were right but its nonce was not: it may retry without asking its user */
    public List<WWWAuthenticateHeader> headers(String realm, String nonce, boolean stale) {
        return challenges(realm, nonce, stale, false);
    }

    /** The same challenges as Proxy-Authenticate headers, for a 407 to a caller (RFC 3261 22.3). */
    public List<WWWAuthenticateHeader> proxyHeaders(String realm, String nonce, boolean stale) {
        return challenges(realm, nonce, stale, true);
    }

    private List<WWWAuthenticateHeader> challenges(String realm, String nonce, boolean stale, boolean proxy) {
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
