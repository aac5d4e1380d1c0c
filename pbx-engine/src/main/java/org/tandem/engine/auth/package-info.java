/**
 * SIP digest authentication (RFC 3261 22, RFC 2617, RFC 7616/8760), one pipeline for REGISTER and
 * every other request ({@link org.tandem.engine.auth.DigestAuthentication}): challenges with stateless
 * nonces in the algorithms each tenant chose, response checks against the stored HA1 hashes, replay
 * protection by nonce count, and failures counted in the throttle shared with the portal and the API
 * ({@link org.tandem.domain.throttle.FailureThrottle}).
 */
package org.tandem.engine.auth;
