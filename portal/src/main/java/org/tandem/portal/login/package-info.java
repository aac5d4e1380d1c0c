/** The sign-in page, the portal's only public view. */
package org.tandem.portal.login;
