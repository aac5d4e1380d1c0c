/**
 * The registrar (RFC 3261 section 10): REGISTER for each tenant's SIP domain, authenticated with
 * digest, bindings kept in rows this node owns. {@link org.tandem.engine.registrar.Registrar} reads
 * top to bottom; {@link org.tandem.engine.registrar.BindingRules} decides expiry, order and limits
 * without any SIP or SQL.
 */
package org.tandem.engine.registrar;
