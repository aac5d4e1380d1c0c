/**
 * Who is signed in to the portal and what they may see. {@link org.tandem.portal.security.Authenticator}
 * checks a username and password against the domain's accounts;
 * {@link org.tandem.portal.security.CurrentUser} keeps the result in the browser's Vaadin session;
 * {@link org.tandem.portal.security.ViewAccessGuard} is the single place that decides, before any
 * navigation, whether the target view may be entered. Views only declare what they need (for now
 * {@link org.tandem.portal.security.PublicView}); the rules live here.
 */
package org.tandem.portal.security;
