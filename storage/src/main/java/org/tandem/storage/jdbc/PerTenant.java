package org.tandem.storage.jdbc;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * One query that totals something for many tenants at once (a customer list's usage columns): its
 * first parameter takes the tenants as an array ({@code tenant_id = any(?)}), its second a time, and
 * each row starts with a tenant's id.
 */
final class PerTenant {

    private PerTenant() {
    }

    static <V> Map<UUID, V> query(DataSource dataSource, String sql, Collection<UUID> tenantIds, Instant at,
                                  Queries.Reader<V> value, String what) {
        if (tenantIds.isEmpty()) {
            return Map.of();
        }
        return Queries.map(dataSource, "could not read the " + what + " of " + tenantIds.size() + " tenants", sql,
                row -> row.getObject(1, UUID.class), value, tenantIds.toArray(UUID[]::new), at);
    }
}
