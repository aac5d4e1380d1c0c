package org.tandem.cluster.replication;

import org.tandem.domain.node.ClusterMembershipChanges.Step;
import org.tandem.storage.connection.DatabaseLogin;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.connection.ReplicationLogin;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Makes a new node a member of the cluster: every node then replicates to every other, both ways,
 * and the new node starts with a copy of the cluster's data.
 * <p>
 * The copy comes from exactly one member, the seed (CREATE SUBSCRIPTION ... copy_data = true,
 * origin = none); from every other member the new node only streams changes (copy_data = false),
 * and every member streams the new node's changes (copy_data = false: the new node has none yet).
 * The seed's copy also holds what the seed received from the other members (PostgreSQL warns about
 * this, "might copy data that had a different origin": here that is the point). So that no change of
 * another member {@code Q} is lost or arrives twice, the join makes the copy and the stream from Q
 * meet exactly:
 * <ol>
 * <li>the new node's subscription to Q is created disabled, which creates its slot on Q at a
 *     position {@code y}; everything Q commits later is kept for the new node;</li>
 * <li>the seed's subscription to Q runs until it has received Q's WAL up to {@code y}, then is
 *     disabled: the seed now holds every change of Q up to a position {@code z >= y} (its replication
 *     origin's progress) and nothing later;</li>
 * <li>the copy from the seed is made (with the seed's subscriptions stopped, it holds Q's changes up
 *     to exactly {@code z});</li>
 * <li>the new node's slot on Q is moved on to {@code z}, its subscription enabled: it streams Q's
 *     changes after {@code z}; the seed's subscriptions are enabled again and catch up from their
 *     slots.</li>
 * </ol>
 * Preconditions, checked first: every member is reachable, the new node is in no cluster yet, its
 * replicated tables hold nothing but its own node row (and its heartbeat, when it runs), and its
 * name is free. The new node writes its own node row (with its database address) last, once every
 * peer subscribes to it, so that row reaches all of them like any later change; its heartbeat goes
 * with the row meanwhile (ON DELETE CASCADE) and comes back at its next beat, replicated too.
 * <p>
 * A join that fails drops every subscription it created, on the new node and on the members, and,
 * once the copy had begun, empties the new node's tables again but for its own row, so it can
 * simply be joined again.
 */
public final class ClusterJoin {

    private static final System.Logger LOG = System.getLogger(ClusterJoin.class.getName());
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    /** How long the copy from the seed may take before the join gives up and undoes itself. */
    public static final Duration COPY_TIMEOUT = Duration.ofMinutes(30);
    /** What a node writes about itself before it joins (its row, its heartbeat while it runs): table -> its node column. */
    private static final Map<String, String> OWN_ROWS = Map.of("node", "id", "node_heartbeat", "node_id");

    /** The joining node: its name, id, and where its peers reach its database. */
    public record JoiningNode(UUID id, String name, NodeDatabase database) {
    }

    private final DatabaseLogin login;
    private final ReplicationLogin replication;
    private final Duration copyTimeout;

    public ClusterJoin(DatabaseLogin login, ReplicationLogin replication) {
        this(login, replication, COPY_TIMEOUT);
    }

    public ClusterJoin(DatabaseLogin login, ReplicationLogin replication, Duration copyTimeout) {
        this.login = login;
        this.replication = replication;
        this.copyTimeout = copyTimeout;
    }

    /**
     * Joins {@code self} (reached through {@code local}, an auto-committing connection as the node's
     * own login) to the cluster {@code seed} belongs to, telling {@code progress} each step as it starts.
     *
     * @return the members it now replicates with
     */
    public List<ClusterMember> join(Connection local, JoiningNode self, NodeDatabase seed, Consumer<Step> progress)
            throws SQLException {
        progress.accept(Step.CHECKS);
        ReplicationCatalog joining = new ReplicationCatalog(local, self.name());
        if (!joining.subscriptions().isEmpty()) {
            throw new IllegalStateException("node " + self.name() + " is already in a cluster (subscriptions "
                    + joining.subscriptions() + "); see docs/operations.md to leave it first");
        }
        requireEmpty(local, self);
        Map<ClusterMember, Connection> members = new LinkedHashMap<>();
        joining.lockMembership();
        try {
            ClusterMember seedMember = connectMembers(seed, self, members);
            Map<String, Connection> everyone = new LinkedHashMap<>();
            members.forEach((member, connection) -> everyone.put(member.name(), connection));
            everyone.put(self.name(), local);
            PublicationAlignment.align(everyone);
            boolean hadRow = NodeAddress.setAsideOwnRow(local, self.id());
            try {
                subscribeEverywhere(joining, self, seedMember, members, progress);
            } finally {
                if (hadRow) {
                    NodeAddress.restoreOwnRow(local);
                }
            }
            LOG.log(Level.INFO, "Node {0} joined the cluster: replicating with {1}", self.name(),
                    members.keySet().stream().map(ClusterMember::name).toList());
            awaitRowEverywhere(self, members);
            progress.accept(Step.DONE);
            return List.copyOf(members.keySet());
        } finally {
            for (Connection connection : members.values()) {
                connection.close();
            }
            joining.unlockMembership();
        }
    }

    /** Connects to the seed and, through the node table it holds, to every other member, taking each one's membership lock. */
    private ClusterMember connectMembers(NodeDatabase seed, JoiningNode self, Map<ClusterMember, Connection> members)
            throws SQLException {
        Connection seedConnection = connect(seed, "the seed");
        List<ClusterMember> listed = ClusterMember.listedIn(seedConnection);
        members.put(ClusterMember.reachedAt(seed, listed), seedConnection);
        ClusterMember seedMember = members.keySet().iterator().next();
        requireNameFree(seedConnection, self);
        for (ClusterMember member : listed) {
            if (!member.equals(seedMember)) {
                members.put(member, connect(member.database(), "member " + member.name()));
            }
        }
        for (Map.Entry<ClusterMember, Connection> member : members.entrySet()) {
            new ReplicationCatalog(member.getValue(), member.getKey().name()).lockMembership();
        }
        return seedMember;
    }

    /**
     * Done means every member lists the new node (its row is its first change they stream), so a page
     * read afterwards shows it. A row that does not come is no reason to undo a join that is made:
     * the replication health of that member shows what is wrong.
     */
    private static void awaitRowEverywhere(JoiningNode self, Map<ClusterMember, Connection> members) throws SQLException {
        for (Map.Entry<ClusterMember, Connection> member : members.entrySet()) {
            try {
                new ReplicationCatalog(member.getValue(), member.getKey().name()).awaitMember(self.id().toString(), STEP_TIMEOUT);
            } catch (IllegalStateException e) {
                LOG.log(Level.WARNING, "Node {0} joined, but its changes do not reach {1}: {2}; see ./tandem replication"
                        + " there", self.name(), member.getKey().name(), e.getMessage());
            }
        }
    }

    /** Names stay taken by removed nodes too: their rows stay (call records point at them), and names are unique. */
    private static void requireNameFree(Connection seed, JoiningNode self) throws SQLException {
        try (PreparedStatement statement = seed.prepareStatement(
                "select name, db_host is not null from node where name = ? or id = ?")) {
            statement.setString(1, self.name());
            statement.setObject(2, self.id());
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    throw new IllegalStateException("the cluster already has a node named " + row.getString(1)
                            + (row.getBoolean(2) ? "" : " (removed, but its row stays for the call records)")
                            + ": every node needs its own name (TANDEM_NODE_NAME)");
                }
            }
        }
    }

    private void subscribeEverywhere(ReplicationCatalog joining, JoiningNode self, ClusterMember seedMember,
                                     Map<ClusterMember, Connection> members, Consumer<Step> progress) throws SQLException {
        progress.accept(Step.SUBSCRIPTIONS);
        ReplicationCatalog seed = new ReplicationCatalog(members.get(seedMember), seedMember.name());
        Map<ClusterMember, Lsn> slotStarts = new LinkedHashMap<>();
        List<Runnable> undo = new ArrayList<>();
        List<String> pausedOnSeed = new ArrayList<>();
        boolean copying = false;
        try {
            for (ClusterMember other : members.keySet()) {
                if (!other.equals(seedMember)) {
                    String subscription = other.subscriptionOf(self.name());
                    joining.subscribe(subscription, replication.conninfo(other.database()), false, false);
                    undo.add(dropping(joining, subscription));
                    slotStarts.put(other, new ReplicationCatalog(members.get(other), other.name()).slotStart(subscription));
                }
            }
            Map<ClusterMember, Lsn> seedHolds = new LinkedHashMap<>();
            for (Map.Entry<ClusterMember, Lsn> other : slotStarts.entrySet()) {
                String seedSubscription = other.getKey().subscriptionOf(seedMember.name());
                seed.awaitReceived(seedSubscription, other.getValue(), STEP_TIMEOUT);
                seed.disable(seedSubscription, STEP_TIMEOUT);
                pausedOnSeed.add(seedSubscription);
                seedHolds.put(other.getKey(), Lsn.later(seed.applied(seedSubscription), other.getValue()));
            }
            String fromSeed = seedMember.subscriptionOf(self.name());
            progress.accept(Step.COPY);
            copying = true;
            joining.subscribe(fromSeed, replication.conninfo(seedMember.database()), true, true);
            undo.add(dropping(joining, fromSeed));
            awaitCopy(joining, fromSeed, seedMember);
            for (Map.Entry<ClusterMember, Lsn> other : seedHolds.entrySet()) {
                String subscription = other.getKey().subscriptionOf(self.name());
                new ReplicationCatalog(members.get(other.getKey()), other.getKey().name())
                        .skipSlotTo(subscription, other.getValue());
                joining.enable(subscription);
            }
            ClusterMember newcomer = new ClusterMember(self.id(), self.name(), self.database());
            for (Map.Entry<ClusterMember, Connection> member : members.entrySet()) {
                ReplicationCatalog peer = new ReplicationCatalog(member.getValue(), member.getKey().name());
                String subscription = newcomer.subscriptionOf(member.getKey().name());
                peer.subscribe(subscription, replication.conninfo(self.database()), false, true);
                undo.add(dropping(peer, subscription));
            }
        } catch (SQLException | RuntimeException e) {
            for (Runnable step : undo.reversed()) {
                step.run();
            }
            if (copying) {
                wipeCopy(joining);
            }
            throw e;
        } finally {
            for (String subscription : pausedOnSeed) {
                resume(seed, subscription);
            }
        }
    }

    private void awaitCopy(ReplicationCatalog joining, String fromSeed, ClusterMember seed) throws SQLException {
        try {
            joining.awaitCopied(fromSeed, copyTimeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the copy of the cluster's data from " + seed.name() + " did not finish within "
                    + (copyTimeout.toMinutes() > 0 ? copyTimeout.toMinutes() + " min" : copyTimeout.toSeconds() + " s")
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Empties the new node's replicated tables after a failed join (its own row is set aside), so that
     * it can join again as it is. A TRUNCATE is never published ({@link Publication}): no peer repeats it.
     */
    private static void wipeCopy(ReplicationCatalog joining) {
        Connection local = joining.connection();
        try (Statement statement = local.createStatement()) {
            statement.execute("truncate " + String.join(", ",
                    ReplicatedTables.in(local).keySet().stream().map(Publication::quoted).toList()));
            LOG.log(Level.INFO, "Removed the partial copy from {0} after a failed join", joining.node());
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "Could not remove the partial copy from {0} after a failed join: stop it, delete its data"
                    + " folder and start it again ({1})", joining.node(), e.getMessage());
        }
    }

    private static void resume(ReplicationCatalog seed, String subscription) {
        try {
            seed.enable(subscription);
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "Could not enable subscription {0} on {1} again after a join; run ALTER SUBSCRIPTION {0}"
                    + " ENABLE there: {2}", subscription, seed.node(), e.getMessage());
        }
    }

    private static Runnable dropping(ReplicationCatalog node, String subscription) {
        return () -> {
            try {
                node.drop(subscription);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Could not drop subscription {0} on {1} after a failed join: {2}",
                        subscription, node.node(), e.getMessage());
            }
        };
    }

    private Connection connect(NodeDatabase database, String what) throws SQLException {
        try {
            return login.connect(database);
        } catch (SQLException e) {
            throw new SQLException("cannot reach " + what + " at " + database + " as " + login.user()
                    + ": every member must be up for a node to join (" + e.getMessage() + ")", e.getSQLState(), e);
        }
    }

    /** A joining node brings no data: anything it had would collide with the copy, or never reach the others. */
    private static void requireEmpty(Connection local, JoiningNode self) throws SQLException {
        List<String> holding = new ArrayList<>();
        for (String table : ReplicatedTables.in(local).keySet()) {
            String count = "select count(*) from " + Publication.quoted(table)
                    + (OWN_ROWS.containsKey(table) ? " where " + OWN_ROWS.get(table) + " <> '" + self.id() + "'" : "");
            long rows = Long.parseLong(lone(local, count));
            if (rows > 0) {
                holding.add(table + " (" + rows + ")");
            }
        }
        if (!holding.isEmpty()) {
            throw new IllegalStateException("node " + self.name() + " already holds data: " + String.join(", ", holding)
                    + ". A node joins a cluster empty: start it on a new data folder with TANDEM_DEMO=false");
        }
    }

    private static String lone(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
