/**
 * Repositories on plain JDBC for the SIP engine's hot path (every REGISTER reads an account and
 * writes a binding): one prepared statement per operation on a connection borrowed from the
 * {@link javax.sql.DataSource}, no entity manager, no session cache. {@link org.tandem.storage.jdbc.Queries}
 * runs the single statements; batches and transactions hold their connection themselves.
 */
package org.tandem.storage.jdbc;
