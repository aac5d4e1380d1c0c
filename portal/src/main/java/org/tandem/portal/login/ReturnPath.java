package org.tandem.portal.login;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where a browser goes once signed in: the page it asked for before it was sent to sign in. Only a
 * path of this portal is taken (it starts with one slash, never two, and holds only the characters a
 * percent-encoded path and query may), so the sign-in page never sends anyone to another site.
 */
public final class ReturnPath {

    /** The sign-in page's parameter naming the path to return to. */
    static final String PARAMETER = "continue";
    /** Where a browser goes once signed in when it asked for nothing else (or for something not a local path). */
    static final String HOME = "/home";
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?!/)[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%]{0,2000}");

    private ReturnPath() {
    }

    /** {@code requested} if it is a path of this portal, else the landing page. */
    static String of(String requested) {
        return isLocal(requested) ? requested : HOME;
    }

    /**
     * The sign-in page's address, relative to the portal's root, that returns to {@code pathAndQuery}
     * (as the browser asked for it, still percent-encoded) after signing in.
     */
    public static String signInAddress(String pathAndQuery) {
        return isLocal(pathAndQuery) && !"/".equals(pathAndQuery)
                ? "login?" + PARAMETER + "=" + URLEncoder.encode(pathAndQuery, StandardCharsets.UTF_8)
                : "login";
    }

    private static boolean isLocal(String path) {
        return path != null && LOCAL_PATH.matcher(path).matches();
    }
}
