/**
 * Who is signed in to the portal and what they may see. {@link org.tandem.portal.security.Authenticator}
 * checks a username and password against the domain's accounts;
 * {@link org.tandem.portal.security.CurrentUser} keeps the result in the browser's Vaadin session;
 * views declare what they need ({@link org.tandem.portal.security.PublicView}, roles), and
 * {@link org.tandem.portal.guard.ViewAccessGuard} enforces it.
 */
package org.tandem.portal.security;
