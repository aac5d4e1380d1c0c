/**
 * Where a web request really comes from: the one rule, shared by the portal (sign-in throttle,
 * {@code /metrics}) and the REST API (its throttle), for deciding a client's address behind reverse
 * proxies. Plain Java, so both use it without depending on each other.
 */
package org.tandem.domain.net;
