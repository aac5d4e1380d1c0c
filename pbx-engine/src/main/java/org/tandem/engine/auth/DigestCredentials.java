package org.tandem.engine.auth;

import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.message.Request;
import java.text.ParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The digest response a phone sent in its Authorization header, as the strings it wrote (the hash is
 * computed over those exact strings, so nothing here is normalised).
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String qop, String nonceCount, String cnonce) {

    private static final Pattern NONCE_COUNT = Pattern.compile("[0-9a-fA-F]{8}");

    /**
     * The Digest credentials {@code request} offers for {@code realm} in its {@code headerName}
     * headers (Authorization or Proxy-Authorization); when it offers none for that realm, those of
     * its first Digest header (they will then fail as a realm mismatch).
     */
    static Optional<DigestCredentials> in(Request request, String realm, String headerName) {
        DigestCredentials first = null;
        for (Iterator<?> it = request.getHeaders(headerName); it.hasNext(); ) {
            AuthorizationHeader header = (AuthorizationHeader) it.next();
            if (!"Digest".equalsIgnoreCase(header.getScheme())) {
                continue;
            }
            DigestCredentials credentials = of(header);
            if (realm.equalsIgnoreCase(credentials.realm())) {
                return Optional.of(credentials);
            }
            if (first == null) {
                first = credentials;
            }
        }
        return Optional.ofNullable(first);
    }

    private static DigestCredentials of(AuthorizationHeader header) {
        return new DigestCredentials(header.getUsername(), header.getRealm(), header.getNonce(),
                header.getParameter("uri"), header.getResponse(), header.getAlgorithm(), header.getQop(),
                header.getParameter("nc"), header.getCNonce());
    }

    /**
     * Whether every parameter that {@code qop=auth} requires is there. The registrar only offers
     * {@code qop="auth"}, so a response without cnonce and nonce count (RFC 2069 style) is refused.
     */
    public boolean isComplete() {
        return present(username) && present(realm) && present(nonce) && present(uri) && present(response)
                && qop != null && "auth".equals(qop.toLowerCase(Locale.ROOT))
                && present(cnonce) && nonceCount != null && NONCE_COUNT.matcher(nonceCount).matches();
    }

    /**
     * Whether the digest names a resource this request may stand for: its Request-URI (RFC 2617
     * 3.2.2.5; most phones copy it as it is, so equal text settles it without parsing, and JAIN-SIP's
     * URI parser throws and catches an exception on every host name it reads), or a SIP URI of the
     * tenant's own domain or of this node, as phones behind an outbound proxy and SIPp without
     * {@code -auth_uri} write, and as Kamailio, Asterisk and FreeSWITCH accept. A URI of any other
     * host is a digest made for another server.
     */
    public boolean isFor(URI requestUri, String domain, Set<String> nodeHosts, AddressFactory addresses) {
        if (uri.equals(requestUri.toString())) {
            return true;
        }
        try {
            URI named = addresses.createURI(uri);
            return named.equals(requestUri) || named instanceof SipURI sip
                    && (domain.equalsIgnoreCase(sip.getHost()) || nodeHosts.contains(sip.getHost().toLowerCase(Locale.ROOT)));
        } catch (ParseException e) {
            return false;
        }
    }

    /** The nonce count as a number; only meaningful once {@link #isComplete()}. */
    public long nonceCountValue() {
        return Long.parseLong(nonceCount, 16);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
