package org.tandem.storage.jdbc;

import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.domain.extension.SipCredentials;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.TenantStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** SIP accounts read straight from {@code extension} joined to {@code tenant}, one indexed query each. */
public final class JdbcSipAccounts implements SipAccounts {

    private static final Pattern EXTENSION_NUMBER = Pattern.compile("[0-9]{2,10}");
    private static final String FIND = """
            select t.id, t.status, e.number, e.ha1_md5, e.ha1_sha256, e.max_contacts,
                   t.max_extensions, t.max_concurrent_calls, t.max_calls_per_second
            from tenant t join extension e on e.tenant_id = t.id
            where t.sip_domain = ? and e.number = ?""";

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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, domain.name());
            statement.setString(2, username);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SipAccount(row.getObject(1, UUID.class),
                        TenantStatus.ACTIVE.name().equals(row.getString(2)),
                        new ExtensionNumber(row.getString(3)),
                        new SipCredentials(row.getString(4), row.getString(5)),
                        row.getInt(6),
                        new PlanLimits(row.getInt(7), row.getInt(8), row.getInt(9))));
            }
        } catch (SQLException e) {
            throw new StorageException("could not read SIP account " + username + "@" + domain, e);
        }
    }
}
