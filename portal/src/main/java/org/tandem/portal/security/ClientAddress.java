package org.tandem.portal.security;

import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.tandem.domain.net.TrustedProxies;

import java.util.Collections;

/**
 * The address a portal request comes from, by the rule the API uses too ({@link TrustedProxies}:
 * the TCP peer, or what a configured reverse proxy says it forwarded).
 */
public final class ClientAddress {

    private static final TrustedProxies PROXIES = TrustedProxies.fromSystemProperties();

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return of(request, PROXIES);
    }

    static String of(HttpServletRequest request, TrustedProxies proxies) {
        return proxies.clientOf(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** The client of the Vaadin request being handled (a sign-in, a password change). */
    public static String current() {
        return of(VaadinServletRequest.getCurrent().getHttpServletRequest());
    }
}
