/**
 * API tokens ({@code v1/tokens}): made with the login's password, listed and revoked with a token or
 * the password; and {@code v1/me}, who a token acts for.
 */
package org.tandem.api.token;
