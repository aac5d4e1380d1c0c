/** The landing view a user sees after signing in; the role-specific areas hang off it later. */
package org.tandem.portal.home;
