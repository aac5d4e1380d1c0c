/**
 * Repositories on plain JDBC for the SIP engine's hot path (every REGISTER reads an account and
 * writes a binding): one prepared statement per operation on a connection borrowed from the
 * {@link javax.sql.DataSource}, no entity manager, no session cache.
 */
package org.tandem.storage.jdbc;
