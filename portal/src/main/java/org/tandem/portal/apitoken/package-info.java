/** The user's API tokens: issue (shown once), list, revoke. */
package org.tandem.portal.apitoken;
