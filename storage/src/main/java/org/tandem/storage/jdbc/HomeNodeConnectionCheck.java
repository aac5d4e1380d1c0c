package org.tandem.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The home-node rule for repositories that write through their own JDBC connection: checked on that
 * connection, in its transaction, before a tenant's configuration changes. The cluster module, which
 * knows the nodes and their replication, implements it; storage only asks.
 */
public interface HomeNodeConnectionCheck {

    /** Refuses (with the domain's NotHomeNodeException) a change of {@code tenantId} on a node that is not its home. */
    void requireHomeHere(Connection connection, UUID tenantId) throws SQLException;
}
