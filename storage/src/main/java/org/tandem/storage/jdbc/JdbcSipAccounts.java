package org.tandem.storage.jdbc;

import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.domain.extension.SipCredentials;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDigest;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.TenantStatus;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SIP accounts read straight from {@code extension} joined to {@code tenant}: one indexed query for
 * one account, one query for all of them.
 */
public final class JdbcSipAccounts implements SipAccounts {

    private static final Pattern EXTENSION_NUMBER = Pattern.compile("[0-9]{2,10}");
    private static final String SELECT = """
            select t.id, t.status, e.number, e.ha1_md5, e.ha1_sha256, e.max_contacts,
                   t.max_extensions, t.max_concurrent_calls, t.max_calls_per_second, t.sip_domain, t.sip_digest,
                   t.max_ring_groups, t.max_ring_group_members
            from tenant t join extension e on e.tenant_id = t.id""";
    private static final String FIND = SELECT + " where t.sip_domain = ? and e.number = ?";
    private static final String ALL = SELECT + " limit ?";
    private static final String DIGEST = "select sip_digest from tenant where sip_domain = ?";

    private final DataSource dataSource;

    public JdbcSipAccounts(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public Optional<SipAccount> find(SipDomain domain, String username) {
        // A user name that cannot be an extension number is not worth a round trip.
        if (username == null || !EXTENSION_NUMBER.matcher(username).matches()) {
            return Optional.empty();
        }
        return Queries.first(dataSource, "could not read SIP account " + username + "@" + domain, FIND,
                JdbcSipAccounts::account, domain.name(), username);
    }

    @Override
    public SipDigest digestOf(SipDomain domain) {
        return Queries.first(dataSource, "could not read the digest algorithms of " + domain, DIGEST,
                row -> SipDigest.ofColumn(row.getString(1)), domain.name()).orElse(SipDigest.DEFAULT);
    }

    @Override
    public List<InDomain> all(int limit) {
        return Queries.list(dataSource, "could not read the SIP accounts", ALL,
                row -> new InDomain(new SipDomain(row.getString(10)), account(row)), limit);
    }

    private static SipAccount account(ResultSet row) throws SQLException {
        return new SipAccount(row.getObject(1, UUID.class),
                TenantStatus.ACTIVE.name().equals(row.getString(2)),
                new ExtensionNumber(row.getString(3)),
                new SipCredentials(row.getString(4), row.getString(5)),
                row.getInt(6),
                new PlanLimits(row.getInt(7), row.getInt(8), row.getInt(9), row.getInt(12), row.getInt(13)),
                SipDigest.ofColumn(row.getString(11)));
    }
}
