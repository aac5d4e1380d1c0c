/**
 * The guard in front of every navigation ({@link org.tandem.portal.guard.ViewAccessGuard}, installed
 * on every UI by {@link org.tandem.portal.guard.AccessControlInstaller}): the single place that decides
 * whether the target view may be entered, sending anyone not signed in to the login page. It sits
 * above the views it sends people to, so the session package below them knows none of them.
 */
package org.tandem.portal.guard;
