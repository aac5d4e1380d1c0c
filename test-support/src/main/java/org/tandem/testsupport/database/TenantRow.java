package org.tandem.testsupport.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A tenant of {@code domain}: active, with a plan of 50 extensions, 10 concurrent calls and 5 new
 * calls a second, and the schema's default digest choice, unless told otherwise.
 */
public final class TenantRow extends Row {

    private final String domain;
    private final UUID reseller;
    private final UUID pool;
    /** A tenant whose reseller and pool this one shares, when not given them. */
    private final UUID sibling;
    private String company;
    private int maxExtensions = 50;
    private int maxConcurrentCalls = 10;
    private int maxCallsPerSecond = 5;
    private String status = "ACTIVE";
    private String sipDigest;

    private TenantRow(String domain, UUID reseller, UUID pool, UUID sibling) {
        this.domain = domain;
        this.reseller = reseller;
        this.pool = pool;
        this.sibling = sibling;
        this.company = "Company of " + domain;
    }

    public static TenantRow tenant(String domain, UUID reseller, UUID pool) {
        return new TenantRow(domain, reseller, pool, null);
    }

    /** A tenant of the same reseller, in the same pool, as the tenant {@code sibling}. */
    public static TenantRow besides(UUID sibling, String domain) {
        return new TenantRow(domain, null, null, sibling);
    }

    public String domain() {
        return domain;
    }

    public TenantRow company(String name) {
        this.company = name;
        return this;
    }

    public TenantRow plan(int extensions, int concurrentCalls, int callsPerSecond) {
        this.maxExtensions = extensions;
        this.maxConcurrentCalls = concurrentCalls;
        this.maxCallsPerSecond = callsPerSecond;
        return this;
    }

    public TenantRow suspended() {
        this.status = "SUSPENDED";
        return this;
    }

    /** The digest algorithms the tenant's phones are challenged with, as the column holds them ("MD5,SHA-256"). */
    public TenantRow sipDigest(String algorithms) {
        this.sipDigest = algorithms;
        return this;
    }

    @Override
    public UUID insertInto(Connection connection) throws SQLException {
        String columns = "insert into tenant (id, reseller_id, pool_id, company_name, sip_domain, max_extensions, "
                + "max_concurrent_calls, max_calls_per_second, status, created_at) ";
        if (sibling == null) {
            Sql.execute(connection, columns + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
                    id, reseller, pool, company, domain, maxExtensions, maxConcurrentCalls, maxCallsPerSecond, status);
        } else {
            Sql.execute(connection, columns + "select ?, reseller_id, pool_id, ?, ?, ?, ?, ?, ?, now() from tenant where id = ?",
                    id, company, domain, maxExtensions, maxConcurrentCalls, maxCallsPerSecond, status, sibling);
        }
        if (sipDigest != null) {
            Sql.execute(connection, "update tenant set sip_digest = ? where id = ?", sipDigest, id);
        }
        return id;
    }

    @Override
    public String toString() {
        return "tenant " + domain;
    }
}
