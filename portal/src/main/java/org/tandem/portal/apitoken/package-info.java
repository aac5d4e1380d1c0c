/** The API tokens of the user's reseller or company: make one (shown once), list, revoke. */
package org.tandem.portal.apitoken;
