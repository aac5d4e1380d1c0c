package org.tandem.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The per-tenant lock on a tenant's numbers (its extensions and ring groups), held until the
 * transaction ends: the lock the database's triggers take ({@code V4__ring_groups.sql}), so code and
 * triggers queue on one lock. Whoever counts a tenant's extensions or ring groups against its plan
 * takes it first, in the transaction that then adds, so parallel adds cannot each see room for one
 * more. A node-local lock is enough: a tenant's configuration is written on its home node only (the
 * home-node rule, checked in the same transaction), never on two nodes at once.
 */
public final class TenantNumberLock {

    private TenantNumberLock() {
    }

    /** Waits for and takes the lock of {@code tenantId}'s numbers in {@code connection}'s transaction. */
    public static void take(Connection connection, UUID tenantId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_advisory_xact_lock(hashtext('tenant-number:' || ?::text))")) {
            lock.setString(1, tenantId.toString());
            lock.execute();
        }
    }
}
