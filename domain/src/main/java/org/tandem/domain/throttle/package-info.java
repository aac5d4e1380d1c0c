/**
 * The one failure throttle that SIP digest authentication, the portal's sign-in and the REST API's
 * token and password checks all use, and its policy, read from one set of settings.
 *
 * <p>Why here: the SIP engine's core must stay free of Jakarta EE and the portal and the API must not
 * depend on the engine, while all three already depend on the domain module. This package is plain
 * Java (no persistence, no CDI) and depends on nothing else of the domain, so nothing can form a cycle
 * through it.
 */
package org.tandem.domain.throttle;
