package org.tandem.storage.jdbc;

import org.tandem.domain.apitoken.ApiToken;
import org.tandem.domain.apitoken.ApiTokenRepository;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens in {@code api_token}, plain JDBC: every API request looks its token up, so the lookup is
 * one indexed query (with the latest use over all nodes), and the use is noted in this node's own
 * {@code api_token_use} row at most once a minute.
 */
public final class JdbcApiTokens implements ApiTokenRepository {

    private static final String SELECT = """
            select t.id, t.account_id, a.username, t.label, t.prefix, t.secret_sha256, t.created_at, t.expires_at,
                   t.revoked_at, (select max(u.last_used_at) from api_token_use u where u.token_id = t.id)
            from api_token t join portal_account a on a.id = t.account_id
            """;
    private static final String NEWEST_FIRST = " order by t.created_at desc, t.id";
    private static final String RECORD_USE = """
            insert into api_token_use (token_id, node_id, last_used_at)
            select ?, n.id, ? from node n where n.name = ?
            on conflict (token_id, node_id) do update set last_used_at = excluded.last_used_at
            where api_token_use.last_used_at < excluded.last_used_at - interval '1 minute'""";

    private final DataSource dataSource;
    private final String nodeName;

    /** @param nodeName this node's name in {@code node}, whose use rows this repository writes */
    public JdbcApiTokens(DataSource dataSource, String nodeName) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
        this.nodeName = Objects.requireNonNull(nodeName, "node name");
    }

    @Override
    public void add(ApiToken token) {
        // role and scope are the login's (V11's columns, kept so that V11's check and nodes still at V11 hold)
        int added = Queries.update(dataSource, "could not add API token " + token.prefix(), """
                        insert into api_token (id, account_id, label, prefix, secret_sha256, created_at, expires_at,
                                               role, reseller_id, tenant_id)
                        select ?, a.id, ?, ?, ?, ?, ?, a.role, a.reseller_id, a.tenant_id
                        from portal_account a where a.id = ?""",
                token.id(), token.name(), token.prefix(), token.secretSha256(), token.createdAt(),
                token.expiresAt(), token.accountId());
        if (added != 1) {
            throw new StorageException("could not add API token " + token.prefix() + ": no login " + token.accountId(), null);
        }
    }

    @Override
    public Optional<ApiToken> find(UUID id) {
        return query("could not read API token " + id, SELECT + "where t.id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<ApiToken> findByPrefix(String prefix) {
        return query("could not look up an API token", SELECT + "where t.prefix = ?", prefix).stream().findFirst();
    }

    @Override
    public List<ApiToken> ofReseller(UUID resellerId) {
        return query("could not list the API tokens of reseller " + resellerId,
                SELECT + "where a.reseller_id = ?" + NEWEST_FIRST, resellerId);
    }

    @Override
    public List<ApiToken> ofTenant(UUID tenantId) {
        return query("could not list the API tokens of tenant " + tenantId,
                SELECT + "where a.tenant_id = ?" + NEWEST_FIRST, tenantId);
    }

    @Override
    public boolean revoke(UUID id, Instant at) {
        return Queries.update(dataSource, "could not revoke API token " + id,
                "update api_token set revoked_at = ? where id = ? and revoked_at is null", at, id) == 1;
    }

    @Override
    public void recordUse(UUID id, Instant at) {
        Queries.update(dataSource, "could not note the use of API token " + id, RECORD_USE, id, at, nodeName);
    }

    private List<ApiToken> query(String failure, String sql, Object parameter) {
        return Queries.list(dataSource, failure, sql, row -> new ApiToken(row.getObject(1, UUID.class),
                row.getObject(2, UUID.class), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                instant(row, 7), instant(row, 8), instant(row, 9), instant(row, 10)), parameter);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
