/**
 * The sign-in page, plain HTML outside Vaadin ({@link org.tandem.portal.login.SignInServlet}): the
 * portal's only page open to anyone, and one that makes no session until a sign-in succeeds.
 */
package org.tandem.portal.login;
