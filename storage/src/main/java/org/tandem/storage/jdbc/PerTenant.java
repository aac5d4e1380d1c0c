package org.tandem.storage.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One query that totals something for many tenants at once (a customer list's usage columns): its
 * first parameter takes the tenants as an array ({@code tenant_id = any(?)}), its second a time, and
 * each row starts with a tenant's id.
 */
final class PerTenant {

    interface Value<V> {
        V read(ResultSet row) throws SQLException;
    }

    private PerTenant() {
    }

    static <V> Map<UUID, V> query(DataSource dataSource, String sql, Collection<UUID> tenantIds, Instant at,
                                  Value<V> value, String what) {
        if (tenantIds.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", tenantIds.toArray()));
            statement.setObject(2, at.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                Map<UUID, V> values = new HashMap<>();
                while (rows.next()) {
                    values.put(rows.getObject(1, UUID.class), value.read(rows));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the " + what + " of " + tenantIds.size() + " tenants", e);
        }
    }
}
