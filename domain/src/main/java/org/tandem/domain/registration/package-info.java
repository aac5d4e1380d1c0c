/**
 * Registrations (RFC 3261 section 10): which phones (contacts) an extension is reachable at, as
 * bindings owned by the node that took the REGISTER. Only that node writes or deletes its bindings,
 * so nodes that replicate to each other never write the same row.
 */
package org.tandem.domain.registration;
