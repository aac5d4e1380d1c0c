package org.tandem.portal.login;

/**
 * The sign-in page as plain HTML: a form with labelled fields, no script at all (so it runs under the
 * strictest Content-Security-Policy and needs no Vaadin session), styled by {@code sign-in.css}. A
 * refusal is shown above the form as an alert that screen readers announce.
 */
final class SignInPage {

    static final String TITLE = "Tandem";
    static final String ERROR_TITLE = "Incorrect username or password";
    static final String ERROR_MESSAGE = "Check that you have entered the correct username and password and try again.";
    static final String THROTTLED_TITLE = "Too many failed sign-ins";
    static final String THROTTLED_MESSAGE = "Too many failed sign-ins from this address: they are paused here for a "
            + "few minutes. Try again later.";
    static final String CROSS_SITE_TITLE = "Sign in on Tandem's own page";
    static final String CROSS_SITE_MESSAGE = "This sign-in did not come from Tandem's sign-in page, so it was not "
            + "tried. Open the sign-in page and sign in there.";

    /** A refusal shown above the form. */
    record Refusal(String title, String message) {
    }

    private SignInPage() {
    }

    /** The page with the form; {@code username} is filled in again, {@code refusal} may be null. */
    static String html(String returnPath, String username, Refusal refusal) {
        String alert = refusal == null ? "" : """
                    <div class="refusal" id="sign-in-error" role="alert">
                      <h2>%s</h2>
                      <p>%s</p>
                    </div>
                """.formatted(escape(refusal.title()), escape(refusal.message()));
        String describedBy = refusal == null ? "" : " aria-describedby=\"sign-in-error\" aria-invalid=\"true\"";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Sign in | Tandem</title>
                  <link rel="icon" href="favicon.ico">
                  <link rel="stylesheet" href="sign-in.css">
                </head>
                <body>
                  <main>
                    <h1>%s</h1>
                %s    <form method="post" action="login" id="sign-in-form">
                      <input type="hidden" name="%s" value="%s">
                      <label for="username">Username</label>
                      <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="%s"%s>
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required%s>
                      <button type="submit" id="sign-in">Sign in</button>
                    </form>
                  </main>
                </body>
                </html>
                """.formatted(TITLE, alert, ReturnPath.PARAMETER, escape(returnPath), escape(username), describedBy,
                describedBy);
    }

    /** {@code text} safe inside an HTML element or a quoted attribute. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
