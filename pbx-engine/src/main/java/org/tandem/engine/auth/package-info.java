/**
 * SIP digest authentication (RFC 3261 22, RFC 2617, RFC 7616/8760): challenges with stateless nonces,
 * response checks against the stored HA1 hashes, replay protection by nonce count, and the throttle
 * that stops a flood of guesses from one address without locking the rightful phone out.
 */
package org.tandem.engine.auth;
