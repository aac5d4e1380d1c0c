package org.tandem.engine.registrar;

/**
 * One Contact of a REGISTER: the URI to bind, the phone's {@code +sip.instance} if it sent one, and
 * the expiry it asked for in the Contact itself.
 *
 * @param instanceId   null if none
 * @param expiresParam the Contact's expires parameter, or -1 if it has none
 */
record RequestedContact(String uri, String instanceId, long expiresParam) {
}
