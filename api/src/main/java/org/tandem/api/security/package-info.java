/**
 * Who calls: {@link org.tandem.api.security.Authentication} reads the Authorization header of every
 * request before its resource runs and leaves the login's Actor in {@link org.tandem.api.security.Caller}.
 * Resources take a bearer token; the few marked {@link org.tandem.api.security.PasswordAccepted} also
 * take the login's password (HTTP Basic), and {@link org.tandem.api.security.PublicEndpoint} none.
 */
package org.tandem.api.security;
