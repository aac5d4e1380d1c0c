package org.tandem.cluster.replication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one node sees of replication, for the operator view and metrics: for each peer, what this
 * node receives from it (its subscription: state, last message, conflicts counted while applying)
 * and what this node keeps for it (the peer's slot here: lag and retained WAL); and any slot here
 * that belongs to no known peer (a node that left without cleaning up keeps WAL until it is
 * dropped). Every node reads its own; together they give both ends of every link.
 *
 * @param node     this node's name
 * @param position this node's WAL position now
 */
public record ReplicationStatus(String node, Lsn position, Instant readAt, List<PeerLink> peers, List<Slot> orphanSlots) {

    /** How this node's subscription from a peer is doing. */
    public enum IncomingState {
        /** Applying the peer's changes as they come. */
        STREAMING,
        /** Copying the peer's tables (a join); changes are applied once the copy is done. */
        COPYING,
        /** Enabled but not connected: the peer is down or unreachable, or applying failed and is being retried. */
        DOWN,
        /** Switched off (ALTER SUBSCRIPTION ... DISABLE). */
        DISABLED,
        /** There is no subscription to this peer: the cluster is not fully meshed. */
        MISSING
    }

    /** Both directions between this node and one peer. */
    public record PeerLink(String peer, Incoming incoming, Optional<Slot> outgoing) {
    }

    /**
     * This node's subscription from the peer.
     *
     * @param lastMessageAge time since the peer last sent anything (changes or a keepalive, every
     *                       few seconds to half a minute when idle); null when never
     */
    public record Incoming(String subscription, IncomingState state, Lsn received, Duration lastMessageAge,
                           Conflicts conflicts) {
    }

    /**
     * A replication slot on this node: what a peer's subscription has not yet confirmed.
     *
     * @param lagBytes     WAL written here that the peer has not confirmed yet
     * @param retainedBytes WAL this node keeps for the slot (up to max_slot_wal_keep_size)
     * @param walStatus    PostgreSQL's verdict on that WAL: reserved, extended, unreserved, or lost
     *                     (the peer can no longer catch up and must join again)
     * @param replayLag    how long the peer took to apply recent changes (null when it has been idle)
     */
    public record Slot(String name, boolean active, long lagBytes, long retainedBytes, String walStatus,
                       Duration replayLag) {
    }

    /**
     * PostgreSQL 18's counters for one subscription (pg_stat_subscription_stats).
     * {@link #divergence()} counts what the one-writer rule makes impossible: a key inserted on two
     * nodes (replication stops until it is resolved), a row missing or changed on one node only.
     * {@link #rowsLastWrittenElsewhere()} counts changes to rows another origin wrote last: expected
     * after a join (copied rows carry the copy's origin) and when a tenant's home moves to the
     * secondary and back; unexpected otherwise.
     */
    public record Conflicts(long applyErrors, long syncErrors, long insertExists, long updateOriginDiffers,
                            long updateExists, long updateMissing, long deleteOriginDiffers, long deleteMissing,
                            long multipleUniqueConflicts) {

        public static final Conflicts NONE = new Conflicts(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public long divergence() {
            return insertExists + updateExists + updateMissing + deleteMissing + multipleUniqueConflicts;
        }

        public long rowsLastWrittenElsewhere() {
            return updateOriginDiffers + deleteOriginDiffers;
        }
    }

    private static final String INCOMING = """
            select s.subenabled, w.pid is not null, w.received_lsn::text, extract(epoch from now() - w.last_msg_send_time),
                   exists (select 1 from pg_subscription_rel r where r.srsubid = s.oid and r.srsubstate <> 'r'),
                   st.apply_error_count, st.sync_error_count, st.confl_insert_exists, st.confl_update_origin_differs,
                   st.confl_update_exists, st.confl_update_missing, st.confl_delete_origin_differs,
                   st.confl_delete_missing, st.confl_multiple_unique_conflicts
            from pg_subscription s
            left join pg_stat_subscription w on w.subid = s.oid and w.relid is null and w.leader_pid is null
            left join pg_stat_subscription_stats st on st.subid = s.oid
            where s.subname = ?""";
    private static final String SLOTS = """
            select sl.slot_name, sl.active, pg_wal_lsn_diff(pg_current_wal_lsn(), sl.confirmed_flush_lsn)::bigint,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), sl.restart_lsn)::bigint, sl.wal_status,
                   extract(epoch from r.replay_lag)
            from pg_replication_slots sl
            left join pg_stat_replication r on r.pid = sl.active_pid
            where sl.slot_type = 'logical' and sl.database = current_database()
            order by sl.slot_name""";

    /** Reads the status through {@code local}, this node's database as its own login. */
    public static ReplicationStatus read(Connection local, UUID selfId, String selfName) throws SQLException {
        List<Slot> slots = slots(local);
        Set<String> known = new HashSet<>();
        List<PeerLink> peers = new ArrayList<>();
        ClusterMember self = null;
        List<ClusterMember> members = ClusterMember.listedIn(local);
        for (ClusterMember member : members) {
            if (member.id().equals(selfId)) {
                self = member;
            }
        }
        for (ClusterMember peer : members) {
            if (peer.equals(self)) {
                continue;
            }
            String outgoingSlot = self == null ? null : self.subscriptionOf(peer.name());
            known.add(outgoingSlot);
            peers.add(new PeerLink(peer.name(), incoming(local, peer.subscriptionOf(selfName)),
                    slots.stream().filter(slot -> slot.name().equals(outgoingSlot)).findFirst()));
        }
        // a join's table copies hold short-lived slots of their own (pg_<subscription oid>_sync_...)
        List<Slot> orphans = slots.stream()
                .filter(slot -> !known.contains(slot.name()) && !slot.name().startsWith("pg_")).toList();
        return new ReplicationStatus(selfName, new ReplicationCatalog(local, selfName).currentPosition(), Instant.now(),
                peers, orphans);
    }

    private static Incoming incoming(Connection local, String subscription) throws SQLException {
        try (PreparedStatement statement = local.prepareStatement(INCOMING)) {
            statement.setString(1, subscription);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return new Incoming(subscription, IncomingState.MISSING, Lsn.ZERO, null, Conflicts.NONE);
                }
                IncomingState state = !row.getBoolean(1) ? IncomingState.DISABLED
                        : !row.getBoolean(2) ? IncomingState.DOWN
                        : row.getBoolean(5) ? IncomingState.COPYING
                        : IncomingState.STREAMING;
                return new Incoming(subscription, state, Lsn.parse(row.getString(3)), seconds(row, 4),
                        new Conflicts(row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10),
                                row.getLong(11), row.getLong(12), row.getLong(13), row.getLong(14)));
            }
        }
    }

    private static List<Slot> slots(Connection local) throws SQLException {
        List<Slot> slots = new ArrayList<>();
        try (PreparedStatement statement = local.prepareStatement(SLOTS); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                slots.add(new Slot(rows.getString(1), rows.getBoolean(2), rows.getLong(3), rows.getLong(4),
                        rows.getString(5), seconds(rows, 6)));
            }
        }
        return slots;
    }

    private static Duration seconds(ResultSet row, int column) throws SQLException {
        double seconds = row.getDouble(column);
        return row.wasNull() ? null : Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** The link to {@code peer}, if it is a known member. */
    public Optional<PeerLink> peer(String peer) {
        return peers.stream().filter(link -> link.peer().equals(peer)).findFirst();
    }
}
