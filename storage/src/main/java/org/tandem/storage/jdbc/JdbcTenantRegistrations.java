package org.tandem.storage.jdbc;

import org.tandem.domain.registration.Registration;
import org.tandem.domain.registration.TenantRegistrations;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A tenant's bindings on every node, for the portal and the API (index {@code registration_address_idx}). */
public final class JdbcTenantRegistrations implements TenantRegistrations {

    private static final String ACTIVE_OF_TENANT = "select " + JdbcRegistrations.COLUMNS + " from registration "
            + "where tenant_id = ? and expires_at > ? order by extension_number, registered_at, contact_uri";

    private static final String COUNTS = "select tenant_id, count(*) from registration "
            + "where tenant_id = any(?) and expires_at > ? group by tenant_id";

    private final DataSource dataSource;

    public JdbcTenantRegistrations(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public List<Registration> activeOf(UUID tenantId, Instant now) {
        return Queries.list(dataSource, "could not read the registrations of tenant " + tenantId, ACTIVE_OF_TENANT,
                JdbcRegistrations::registration, tenantId, now);
    }

    @Override
    public Map<UUID, Long> countsOf(Collection<UUID> tenantIds, Instant now) {
        return PerTenant.query(dataSource, COUNTS, tenantIds, now, row -> row.getLong(2), "registrations");
    }
}
