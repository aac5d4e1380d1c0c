/** The frame around every signed-in page: title bar, the menu for the user's role, sign-out. */
package org.tandem.portal.layout;
