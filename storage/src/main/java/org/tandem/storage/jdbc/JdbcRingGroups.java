package org.tandem.storage.jdbc;

import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.ringgroup.RingGroup;
import org.tandem.domain.ringgroup.RingGroupRepository;
import org.tandem.domain.ringgroup.RingGroups;
import org.tandem.domain.ringgroup.RingStrategy;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.tenant.PlanLimitReachedException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ring groups in {@code ring_group} and {@code ring_group_member}, plain JDBC: the engine's lookup
 * (one indexed query with the members in order), adding a group, which refuses a number that is
 * already an extension or a group of the tenant, and a member that is not an extension of it, and
 * changing a group (all but its number) under the same rule for members; a group past the plan's
 * ring-group limit, and a group with more members than the plan allows, are refused under the tenant's
 * number lock. Writes happen in
 * transactions of their own, so the home-node check runs in them (in a cluster the database refuses
 * a tenant's change that was not checked).
 */
public final class JdbcRingGroups implements RingGroups, RingGroupRepository {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{2,10}");
    private static final String GROUPS = """
            select g.id, g.number, g.name, g.strategy, g.member_timeout_seconds, m.extension_number
            from ring_group g left join ring_group_member m on m.ring_group_id = g.id
            where g.tenant_id = ?""";
    private static final String FIND = GROUPS + " and g.number = ? order by m.position";
    private static final String OF_TENANT = GROUPS + " order by g.number, m.position";
    private static final Map<String, String> TAKEN = Map.of(
            "ring_group_number_unique", "This ring group number is already taken in this company",
            "ring_group_number_is_extension", "This number is already used by an extension of this company");

    private final DataSource dataSource;
    private final TenantConfigurationWrites writes;

    /** For reading (the engine), and for writing on a node that is in no cluster. */
    public JdbcRingGroups(DataSource dataSource) {
        this(new TenantConfigurationWrites(dataSource, Optional.empty()));
    }

    /** For writing on a node that may be in a cluster: every change is checked by {@code homeNode} first. */
    public JdbcRingGroups(DataSource dataSource, HomeNodeConnectionCheck homeNode) {
        this(new TenantConfigurationWrites(dataSource, Optional.of(homeNode)));
    }

    private JdbcRingGroups(TenantConfigurationWrites writes) {
        this.dataSource = writes.dataSource();
        this.writes = writes;
    }

    @Override
    public Optional<RingGroup> find(UUID tenantId, String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            return Optional.empty();
        }
        return Queries.read(dataSource, "could not read ring group " + number + " of tenant " + tenantId, FIND,
                rows -> groups(tenantId, rows), tenantId, number).stream().findFirst();
    }

    @Override
    public List<RingGroup> ofTenant(UUID tenantId) {
        return Queries.read(dataSource, "could not read the ring groups of tenant " + tenantId, OF_TENANT,
                rows -> groups(tenantId, rows), tenantId);
    }

    @Override
    public boolean remove(UUID tenantId, UUID id) {
        try {
            return writes.inTransaction(tenantId, connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "delete from ring_group where tenant_id = ? and id = ?")) {
                    statement.setObject(1, tenantId);
                    statement.setObject(2, id);
                    return statement.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw new StorageException("could not delete ring group " + id + " of tenant " + tenantId, e);
        }
    }

    /** A group's own columns, read once from its first row. */
    private record Head(String number, String name, String strategy, int timeoutSeconds) {
    }

    /** The groups of rows (one per member, or one with no member) ordered by group then position. */
    private static List<RingGroup> groups(UUID tenantId, ResultSet rows) throws SQLException {
        Map<UUID, Head> heads = new LinkedHashMap<>();
        Map<UUID, List<ExtensionNumber>> members = new LinkedHashMap<>();
        while (rows.next()) {
            UUID id = rows.getObject(1, UUID.class);
            if (!heads.containsKey(id)) {
                heads.put(id, new Head(rows.getString(2), rows.getString(3), rows.getString(4), rows.getInt(5)));
            }
            List<ExtensionNumber> ofGroup = members.computeIfAbsent(id, key -> new ArrayList<>());
            if (rows.getString(6) != null) {
                ofGroup.add(new ExtensionNumber(rows.getString(6)));
            }
        }
        List<RingGroup> groups = new ArrayList<>();
        heads.forEach((id, head) -> groups.add(new RingGroup(id, tenantId, new ExtensionNumber(head.number()), head.name(),
                RingStrategy.valueOf(head.strategy()), Duration.ofSeconds(head.timeoutSeconds()), members.get(id))));
        return groups;
    }

    /**
     * Adds {@code group} and its members in one transaction. Throws {@link AlreadyTakenException} if
     * its number is an extension or a group of the tenant (checked here, and by the database's
     * trigger whatever code writes), {@link IllegalArgumentException} if a member is not an
     * extension of the tenant.
     */
    @Override
    public void add(RingGroup group, Instant createdAt) {
        try {
            inNumberTransaction(group, connection -> {
                if (extensionExists(connection, group.tenantId(), group.number().digits())) {
                    throw new AlreadyTakenException(TAKEN.get("ring_group_number_is_extension"), null);
                }
                requireRoomForOneMore(connection, group.tenantId());
                requireMembersWithinPlan(connection, group);
                requireMembersAreExtensions(connection, group);
                insert(connection, group, createdAt);
                return true;
            });
        } catch (SQLException e) {
            Optional<String> taken = takenRule(e);
            if (taken.isPresent()) {
                throw new AlreadyTakenException(TAKEN.get(taken.get()), e);
            }
            throw new StorageException("could not add ring group " + group.number() + " of tenant " + group.tenantId(), e);
        }
    }

    @Override
    public boolean replace(RingGroup group) {
        try {
            return inNumberTransaction(group, connection -> {
                requireMembersWithinPlan(connection, group);
                requireMembersAreExtensions(connection, group);
                try (PreparedStatement statement = connection.prepareStatement("""
                        update ring_group set name = ?, strategy = ?, member_timeout_seconds = ?
                        where tenant_id = ? and id = ?""")) {
                    statement.setString(1, group.name());
                    statement.setString(2, group.strategy().name());
                    statement.setInt(3, Math.toIntExact(group.memberTimeout().toSeconds()));
                    statement.setObject(4, group.tenantId());
                    statement.setObject(5, group.id());
                    if (statement.executeUpdate() == 0) {
                        return false;
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "delete from ring_group_member where ring_group_id = ?")) {
                    statement.setObject(1, group.id());
                    statement.executeUpdate();
                }
                insertMembers(connection, group);
                return true;
            });
        } catch (SQLException e) {
            throw new StorageException("could not change ring group " + group.id() + " of tenant " + group.tenantId(), e);
        }
    }

    /** {@code change} of a group's rows, in one transaction under the tenant's number lock. */
    private boolean inNumberTransaction(RingGroup group, TenantConfigurationWrites.Change<Boolean> change)
            throws SQLException {
        return writes.inTransaction(group.tenantId(), connection -> {
            TenantNumberLock.take(connection, group.tenantId());
            return change.apply(connection);
        });
    }

    private static void requireMembersAreExtensions(Connection connection, RingGroup group) throws SQLException {
        for (ExtensionNumber member : group.members()) {
            if (!extensionExists(connection, group.tenantId(), member.digits())) {
                throw new IllegalArgumentException("member " + member + " is not an extension of this company");
            }
        }
    }

    /** The plan's ring-group limit, counted under the number lock so parallel adds cannot each see room. */
    private static void requireRoomForOneMore(Connection connection, UUID tenantId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select t.max_ring_groups, (select count(*) from ring_group g where g.tenant_id = t.id)
                from tenant t where t.id = ?""")) {
            statement.setObject(1, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && row.getLong(2) >= row.getInt(1)) {
                    throw new PlanLimitReachedException("The plan allows " + row.getInt(1) + " ring groups and "
                            + row.getLong(2) + " exist: delete one, or ask your reseller for a larger plan");
                }
            }
        }
    }

    /**
     * The plan's members-per-group limit, read under the number lock: a plan change (which takes the lock
     * before it checks the groups in use) cannot lower it between this check and the write.
     */
    private static void requireMembersWithinPlan(Connection connection, RingGroup group) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select max_ring_group_members from tenant where id = ?")) {
            statement.setObject(1, group.tenantId());
            try (ResultSet row = statement.executeQuery()) {
                int given = group.members().size();
                if (row.next() && given > row.getInt(1)) {
                    throw PlanLimitReachedException.ringGroupMembers(row.getInt(1), given);
                }
            }
        }
    }

    /** The uniqueness rule a 23505 names (read from its message: no driver class is needed here). */
    private static Optional<String> takenRule(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("23505".equals(next.getSQLState()) && next.getMessage() != null) {
                for (String rule : TAKEN.keySet()) {
                    if (next.getMessage().contains("\"" + rule + "\"")) {
                        return Optional.of(rule);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean extensionExists(Connection connection, UUID tenantId, String number) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from extension where tenant_id = ? and number = ?")) {
            statement.setObject(1, tenantId);
            statement.setString(2, number);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void insert(Connection connection, RingGroup group, Instant createdAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into ring_group (id, tenant_id, number, name, strategy, member_timeout_seconds, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            statement.setObject(1, group.id());
            statement.setObject(2, group.tenantId());
            statement.setString(3, group.number().digits());
            statement.setString(4, group.name());
            statement.setString(5, group.strategy().name());
            statement.setInt(6, Math.toIntExact(group.memberTimeout().toSeconds()));
            statement.setObject(7, createdAt.atOffset(ZoneOffset.UTC));
            statement.executeUpdate();
        }
        insertMembers(connection, group);
    }

    private static void insertMembers(Connection connection, RingGroup group) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into ring_group_member (ring_group_id, position, extension_number) values (?, ?, ?)")) {
            for (int position = 0; position < group.members().size(); position++) {
                statement.setObject(1, group.id());
                statement.setInt(2, position);
                statement.setString(3, group.members().get(position).digits());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
