/**
 * The guards of the portal: {@link org.tandem.portal.guard.SignInRequired} in front of Vaadin, which
 * lets no request of a browser that has not signed in reach it, and
 * {@link org.tandem.portal.guard.ViewAccessGuard} in front of every navigation (installed on every UI by
 * {@link org.tandem.portal.guard.AccessControlInstaller}), the single place that decides whether the
 * target view may be entered. They sit above the pages they send people to, so the session package
 * below them knows none of them.
 */
package org.tandem.portal.guard;
