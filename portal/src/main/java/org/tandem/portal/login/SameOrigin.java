package org.tandem.portal.login;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether a form was sent from a page of this portal: the browser's Origin header (or, where a
 * browser leaves it out, its Referer) names the host the request is addressed to. Another site's
 * page that posts a sign-in form (login CSRF, which would sign the victim in as the attacker) fails
 * this, and so does a request that names no origin at all; no session is needed to check it.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean of(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        String host = request.getHeader("Host");
        if (source == null || host == null) {
            return false;
        }
        try {
            String authority = new URI(source).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }
}
