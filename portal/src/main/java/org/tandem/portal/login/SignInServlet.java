package org.tandem.portal.login;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.tandem.portal.login.SignInPage.Refusal;
import org.tandem.portal.security.ClientAddress;
import org.tandem.portal.security.SignIn;
import org.tandem.portal.security.SignedInSessions;
import org.tandem.portal.security.SignedInUser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The sign-in page at {@code /login}, outside Vaadin, with the two files it shows: an anonymous
 * visitor costs the node no session, however many pages they load. A session is made only for a
 * right username and password, new each time (an id planted in the browser beforehand is worth
 * nothing), and the browser goes on to the page it first asked for. A form posted from another
 * site's page is refused ({@link SameOrigin}); a signed-in browser that opens the page goes straight on,
 * and one that signed out comes here to have its session ended.
 */
@WebServlet(name = "sign-in", urlPatterns = {SignInServlet.PATH, SignInServlet.STYLESHEET, SignInServlet.ICON})
public class SignInServlet extends HttpServlet {

    public static final String PATH = "/login";
    public static final String STYLESHEET = "/sign-in.css";
    public static final String ICON = "/favicon.ico";

    @Inject
    SignIn signIn;
    @Inject
    SignedInSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!PATH.equals(request.getServletPath())) {
            file(request.getServletPath(), response);
            return;
        }
        String returnPath = ReturnPath.of(request.getParameter(ReturnPath.PARAMETER));
        HttpSession session = request.getSession(false);
        if (SignedInUser.of(session).isPresent()) {
            goOn(request, response, returnPath);
            return;
        }
        if (session != null) {
            session.invalidate(); // signed out: nothing of it is kept
        }
        page(response, HttpServletResponse.SC_OK, returnPath, "", null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!PATH.equals(request.getServletPath())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String returnPath = ReturnPath.of(request.getParameter(ReturnPath.PARAMETER));
        String username = Objects.requireNonNullElse(request.getParameter("username"), "");
        if (!SameOrigin.of(request)) {
            page(response, HttpServletResponse.SC_FORBIDDEN, returnPath, username,
                    new Refusal(SignInPage.CROSS_SITE_TITLE, SignInPage.CROSS_SITE_MESSAGE));
            return;
        }
        char[] password = Objects.requireNonNullElse(request.getParameter("password"), "").toCharArray();
        switch (signIn.attempt(username, password, ClientAddress.of(request))) {
            case SignIn.SignedIn signedIn -> {
                HttpSession before = request.getSession(false);
                if (before != null) {
                    before.invalidate();
                }
                HttpSession session = request.getSession(true);
                // a fresh id even where the container took the id the browser sent for the new session
                request.changeSessionId();
                sessions.signedIn(session, signedIn.user());
                goOn(request, response, returnPath);
            }
            case SignIn.Refused refused -> page(response, HttpServletResponse.SC_FORBIDDEN, returnPath, username,
                    new Refusal(SignInPage.ERROR_TITLE, SignInPage.ERROR_MESSAGE));
            case SignIn.Paused paused -> {
                response.setHeader("Retry-After", Long.toString(Math.max(1, paused.retryAfter().toSeconds())));
                page(response, 429, returnPath, username, new Refusal(SignInPage.THROTTLED_TITLE, SignInPage.THROTTLED_MESSAGE));
            }
        }
    }

    private static void goOn(HttpServletRequest request, HttpServletResponse response, String returnPath) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + returnPath);
    }

    private static void page(HttpServletResponse response, int status, String returnPath, String username, Refusal refusal)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(SignInPage.html(returnPath, username, refusal));
    }

    private void file(String path, HttpServletResponse response) throws IOException {
        try (InputStream file = getServletContext().getResourceAsStream(path)) {
            if (file == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(getServletContext().getMimeType(path));
            response.setHeader("Cache-Control", "max-age=3600");
            try (OutputStream body = response.getOutputStream()) {
                file.transferTo(body);
            }
        }
    }
}
