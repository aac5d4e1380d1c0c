/**
 * API tokens: a reseller admin or tenant admin makes them for scripts (shown once), lists and revokes
 * those of its reseller or tenant; {@link org.tandem.administration.apitoken.ApiAuthentication} turns
 * a presented token (or, to manage tokens, a login's password) into the
 * {@link org.tandem.administration.access.Actor} of the login that made it, so the API reaches exactly
 * what that login reaches in the portal. Failed attempts are throttled per source address.
 */
package org.tandem.administration.apitoken;
