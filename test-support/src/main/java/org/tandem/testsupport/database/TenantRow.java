package org.tandem.testsupport.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A tenant of {@code domain}: active, with a plan of 50 extensions, 10 concurrent calls and 5 new
 * calls a second, and the schema's default digest choice, unless told otherwise.
 */
public final class TenantRow extends Row<TenantRow> {

    private final String domain;
    /** A tenant whose reseller and pool this one shares, when not given them. */
    private UUID sibling;

    private TenantRow(String domain) {
        super("tenant", "tenant " + domain);
        this.domain = domain;
        set("company_name", "Company of " + domain).set("sip_domain", domain).plan(50, 10, 5).set("status", "ACTIVE");
    }

    public static TenantRow tenant(String domain, UUID reseller, UUID pool) {
        return new TenantRow(domain).set("reseller_id", reseller).set("pool_id", pool);
    }

    /** A tenant of the same reseller, in the same pool, as the tenant {@code sibling}. */
    public static TenantRow besides(UUID sibling, String domain) {
        TenantRow tenant = new TenantRow(domain);
        tenant.sibling = sibling;
        return tenant;
    }

    public String domain() {
        return domain;
    }

    public TenantRow company(String name) {
        return set("company_name", name);
    }

    public TenantRow plan(int extensions, int concurrentCalls, int callsPerSecond) {
        return set("max_extensions", extensions).set("max_concurrent_calls", concurrentCalls)
                .set("max_calls_per_second", callsPerSecond);
    }

    public TenantRow suspended() {
        return set("status", "SUSPENDED");
    }

    /** The digest algorithms the tenant's phones are challenged with, as the column holds them ("MD5,SHA-256"). */
    public TenantRow sipDigest(String algorithms) {
        return set("sip_digest", algorithms);
    }

    @Override
    public UUID insertInto(Connection connection) throws SQLException {
        if (sibling != null) {
            List<String> owners = Sql.strings(connection, "select reseller_id || ' ' || pool_id from tenant where id = ?",
                    sibling);
            if (owners.size() != 1) {
                throw new IllegalStateException("no tenant " + sibling + " to write " + this + " besides");
            }
            String[] resellerAndPool = owners.getFirst().split(" ");
            set("reseller_id", UUID.fromString(resellerAndPool[0])).set("pool_id", UUID.fromString(resellerAndPool[1]));
        }
        return super.insertInto(connection);
    }
}
