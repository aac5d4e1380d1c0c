/**
 * Who is signed in to the portal and what they may see. {@link org.tandem.portal.security.SignIn}
 * holds the rules of a sign-in attempt, {@link org.tandem.portal.security.Authenticator} checks a
 * username and password against the domain's accounts; the signed-in user lives in the browser's HTTP
 * session, made only at sign-in ({@link org.tandem.portal.security.SignedInSessions}), and
 * {@link org.tandem.portal.security.CurrentUser} reads it for the views; views declare the roles they
 * need, and {@link org.tandem.portal.guard.ViewAccessGuard} enforces them.
 */
package org.tandem.portal.security;
