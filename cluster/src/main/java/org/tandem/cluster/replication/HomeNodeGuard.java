package org.tandem.cluster.replication;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.tandem.domain.tenant.HomeNodeCheck;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.router.HomeNode;
import org.tandem.storage.connection.DatabaseLogin;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.jdbc.HomeNodeConnectionCheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Lets a change to a tenant's configuration through only on the tenant's home node: the pool's
 * primary while it is up, its secondary while the primary is down ({@link HomeNode}). That is what
 * keeps two nodes from ever changing the same rows (docs/architecture.md).
 * <p>
 * Call it in the transaction that makes the change, before the change: it decides, then marks the
 * transaction with the pool it may write for, and the database refuses a tenant's configuration
 * change in a transaction not so marked ({@code V21__home_node_writes.sql}), so code that forgets
 * the guard fails rather than writes from the wrong node.
 * <p>
 * A peer is up when its database answers now (a connection with a 3 s timeout). The home node also
 * waits, briefly, until it has received everything its pool partner had written when asked: after a
 * failover the primary comes back and must apply what the secondary changed meanwhile before it
 * changes the same rows again. A lone node (no subscription) writes everything.
 */
public final class HomeNodeGuard implements HomeNodeConnectionCheck {

    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    private final UUID selfId;
    private final String selfName;
    private final DatabaseLogin login;

    public HomeNodeGuard(UUID selfId, String selfName, DatabaseLogin login) {
        this.selfId = Objects.requireNonNull(selfId, "this node's id");
        this.selfName = Objects.requireNonNull(selfName, "this node's name");
        this.login = Objects.requireNonNull(login, "database login");
    }

    /**
     * For a change of tenant {@code tenantId} made through {@code entityManager} (in its transaction).
     * Call it before loading what will change: the home node may first take in its partner's
     * latest changes, and an entity loaded before them would fail its version check.
     */
    public void requireHomeHere(EntityManager entityManager, UUID tenantId) {
        entityManager.unwrap(Session.class).doWork(connection -> requireHomeHere(connection, tenantId));
    }

    /** The rule as the domain asks it, checked in the transaction of {@code entityManager}. */
    public HomeNodeCheck inTransactionOf(EntityManager entityManager) {
        return new HomeNodeCheck() {
            @Override
            public void requireHomeOf(UUID tenantId) {
                requireHomeHere(entityManager, tenantId);
            }

            @Override
            public void requireHomeOfPool(UUID poolId, String what) {
                HomeNodeGuard.this.requireHomeOfPool(entityManager, poolId, what);
            }
        };
    }

    /** For a change in pool {@code poolId} (a new tenant there, say), described to people as {@code what}. */
    public void requireHomeOfPool(EntityManager entityManager, UUID poolId, String what) {
        entityManager.unwrap(Session.class).doWork(connection -> requireHomeOfPool(connection, poolId, what));
    }

    /**
     * For a change of tenant {@code tenantId} made through {@code connection} (in its transaction). An
     * unknown tenant passes unmarked: there is nothing of it to change, and the caller says it is not found.
     */
    @Override
    public void requireHomeHere(Connection connection, UUID tenantId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pool_id, sip_domain from tenant where id = ?")) {
            statement.setObject(1, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    requireHomeOfPool(connection, row.getObject(1, UUID.class), row.getString(2));
                }
            }
        }
    }

    public void requireHomeOfPool(Connection connection, UUID poolId, String what) throws SQLException {
        ReplicationCatalog catalog = new ReplicationCatalog(connection, selfName);
        if (!catalog.subscriptions().isEmpty()) {
            PoolNodes pool = PoolNodes.load(connection, poolId);
            Map<UUID, Lsn> up = reachable(pool);
            Optional<UUID> home = HomeNode.of(pool.order(), up::containsKey);
            if (home.isEmpty()) {
                throw new NotHomeNodeException("Nobody may change " + what + " now: both nodes of its pool " + pool.name()
                        + " (" + pool.names() + ") are down", null, null);
            }
            if (!home.get().equals(selfId)) {
                ClusterMember owner = pool.member(home.get());
                String portal = pool.portals().get(owner.id());
                throw new NotHomeNodeException(what + " is changed on its home node " + owner.name() + ", not on " + selfName
                        + (portal == null ? "" : ": use the portal of " + owner.name() + " at " + portal), owner.name(), portal);
            }
            awaitPartners(catalog, pool, up, what);
        }
        authorize(connection, poolId);
    }

    /** The nodes of the pool that are up, each with its WAL position now (this node's is not needed). */
    private Map<UUID, Lsn> reachable(PoolNodes pool) {
        Map<UUID, Lsn> up = new HashMap<>();
        for (ClusterMember node : pool.members()) {
            if (node.id().equals(selfId)) {
                up.put(selfId, Lsn.ZERO);
            } else {
                try (Connection peer = login.connect(node.database())) {
                    up.put(node.id(), new ReplicationCatalog(peer, node.name()).currentPosition());
                } catch (SQLException down) {
                    // not reachable now: not up, for this decision
                }
            }
        }
        return up;
    }

    private void awaitPartners(ReplicationCatalog catalog, PoolNodes pool, Map<UUID, Lsn> up, String what)
            throws SQLException {
        for (ClusterMember partner : pool.members()) {
            if (!partner.id().equals(selfId) && up.containsKey(partner.id())) {
                try {
                    catalog.awaitReceived(partner.subscriptionOf(selfName), up.get(partner.id()), CATCH_UP);
                } catch (IllegalStateException behind) {
                    throw new NotHomeNodeException(selfName + " is the home node of " + what + " but has not yet received"
                            + " the latest changes of " + partner.name() + "; try again in a moment", selfName, null);
                }
            }
        }
    }

    private static void authorize(Connection connection, UUID poolId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('tandem.home_pools', coalesce(current_setting('tandem.home_pools', true), '') || ' ' || ?, true)")) {
            statement.setString(1, poolId.toString());
            statement.execute();
        }
    }

    /** A pool's nodes in the order phones try them, with where their databases and portals are. */
    private record PoolNodes(String name, List<UUID> order, Map<UUID, ClusterMember> byId, Map<UUID, String> portals) {

        static PoolNodes load(Connection connection, UUID poolId) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("""
                    select p.name, n.id, n.name, n.db_host, n.db_port, n.db_name, h.portal_url
                    from pool p join node n on n.id in (p.primary_node_id, p.secondary_node_id)
                    left join node_heartbeat h on h.node_id = n.id
                    where p.id = ?
                    order by n.id = p.primary_node_id desc""")) {
                statement.setObject(1, poolId);
                try (ResultSet rows = statement.executeQuery()) {
                    String name = null;
                    List<UUID> order = new ArrayList<>();
                    Map<UUID, ClusterMember> byId = new HashMap<>();
                    Map<UUID, String> portals = new HashMap<>();
                    while (rows.next()) {
                        name = rows.getString(1);
                        UUID id = rows.getObject(2, UUID.class);
                        order.add(id);
                        if (rows.getString(4) != null) {
                            byId.put(id, new ClusterMember(id, rows.getString(3),
                                    new NodeDatabase(rows.getString(4), rows.getInt(5), rows.getString(6))));
                        }
                        if (rows.getString(7) != null) {
                            portals.put(id, rows.getString(7));
                        }
                    }
                    if (order.isEmpty()) {
                        throw new IllegalArgumentException("no pool " + poolId);
                    }
                    return new PoolNodes(name, order, byId, portals);
                }
            }
        }

        /** The pool's nodes that are cluster members (a node without a database address cannot be reached). */
        List<ClusterMember> members() {
            return order.stream().filter(byId::containsKey).map(byId::get).toList();
        }

        ClusterMember member(UUID id) {
            return byId.get(id);
        }

        String names() {
            return String.join(", ", members().stream().map(ClusterMember::name).toList());
        }
    }
}
