/**
 * Where a node's database is ({@link org.tandem.storage.connection.NodeDatabase}) and the logins to it:
 * the node's own ({@link org.tandem.storage.connection.DatabaseLogin}) and the one its peers replicate
 * with ({@link org.tandem.storage.connection.ReplicationLogin}), which the embedded database creates.
 */
package org.tandem.storage.connection;
