package org.tandem.portal.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.tandem.portal.login.ReturnPath;
import org.tandem.portal.login.SignInServlet;
import org.tandem.portal.metrics.MetricsServlet;
import org.tandem.portal.security.SignedInUser;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/**
 * Stops every request of a browser that has not signed in before it reaches Vaadin, which would make
 * a session for it: a page is sent to the sign-in page (which returns to it afterwards), Vaadin's own
 * requests without a session get 401. Only the sign-in page, its two files and the node's metrics
 * (which have a rule of their own) are open; TRACE goes on to {@link TraceRefusal}. A session left
 * without a user (signed out from another browser or node) is ended by its next page request; its
 * pages' own requests still reach Vaadin, which answers them as expired so that its client reloads.
 */
@WebFilter(urlPatterns = "/*")
public class SignInRequired extends HttpFilter {

    private static final Set<String> OPEN = Set.of(SignInServlet.PATH, SignInServlet.STYLESHEET, SignInServlet.ICON,
            MetricsServlet.PATH);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(false);
        if (OPEN.contains(path) || "TRACE".equals(request.getMethod()) || SignedInUser.of(session).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        boolean vaadinRequest = isVaadinRequest(request, path);
        if (vaadinRequest && session != null) {
            // signed out from elsewhere: Vaadin answers for the session it closed as expired, and its
            // client reloads the page, which comes here; no session is made for it
            chain.doFilter(request, response);
            return;
        }
        if (session != null) {
            session.invalidate();
        }
        if (vaadinRequest || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Sign in first: this browser is not signed in to Tandem.\n");
            return;
        }
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/"
                + ReturnPath.signInAddress(query == null ? path : path + "?" + query));
    }

    /** A request of Vaadin's client engine (UIDL, heartbeat, push, its files) rather than a page. */
    private static boolean isVaadinRequest(HttpServletRequest request, String path) {
        String query = request.getQueryString();
        return path.startsWith("/VAADIN/")
                || query != null && Arrays.stream(query.split("&")).anyMatch(parameter -> parameter.startsWith("v-r="));
    }
}
