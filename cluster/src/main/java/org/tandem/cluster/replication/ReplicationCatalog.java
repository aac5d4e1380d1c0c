package org.tandem.cluster.replication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The replication objects of one node's database, through an auto-committing connection as the
 * node's own login: its subscriptions (to its peers) and the slots its peers' subscriptions hold
 * on it. Subscriptions are always {@code origin = none}: a node sends only the changes made on it,
 * never the ones it received, so no change travels in a circle.
 */
record ReplicationCatalog(Connection connection, String node) {

    private static final Duration POLL = Duration.ofMillis(50);
    /** The advisory lock key of membership changes ("tandem" in ASCII). */
    private static final long MEMBERSHIP_LOCK = 0x74616e64656dL;

    /**
     * Takes this node's lock for a change of membership (a join or a removal), for as long as this
     * session lasts or until {@link #unlockMembership}: two changes at once, through different
     * members, would each miss the other's node.
     *
     * @throws IllegalStateException when another session holds it
     */
    void lockMembership() throws SQLException {
        if (!"true".equals(single("select pg_try_advisory_lock(" + MEMBERSHIP_LOCK + ")::text").orElseThrow())) {
            throw new IllegalStateException("another join or removal is under way in the cluster (" + node
                    + " takes part in it): try again when it is done");
        }
    }

    void unlockMembership() throws SQLException {
        single("select pg_advisory_unlock(" + MEMBERSHIP_LOCK + ")::text");
    }

    /** Names of this node's Tandem subscriptions. */
    List<String> subscriptions() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select subname from pg_subscription where subdbid = (select oid from pg_database where datname = current_database())"
                             + " and subname like 'tandem\\_%' order by subname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /**
     * Subscribes to {@code publisher}'s publication, creating the slot there now. With
     * {@code copyData} the publisher's rows are copied first (a new node's initial copy).
     */
    void subscribe(String subscription, String conninfo, boolean copyData, boolean enabled) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SUBSCRIPTION " + subscription + " CONNECTION " + literal(conninfo)
                    + " PUBLICATION " + Publication.NAME + " WITH (origin = none, copy_data = " + copyData
                    + ", enabled = " + enabled + ", streaming = off)");
        }
    }

    void drop(String subscription) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SUBSCRIPTION IF EXISTS " + subscription);
        }
    }

    /** Drops a subscription whose publisher is gone: its slot there cannot be dropped, so it is let go first. */
    void dropWithoutPublisher(String subscription) throws SQLException {
        if (subscriptions().contains(subscription)) {
            execute("ALTER SUBSCRIPTION " + subscription + " DISABLE");
            execute("ALTER SUBSCRIPTION " + subscription + " SET (slot_name = NONE)");
            execute("DROP SUBSCRIPTION " + subscription);
        }
    }

    /** Drops the slot {@code slot} this node keeps for a peer's subscription, if there is one. */
    void dropSlot(String slot) throws SQLException {
        single("select pg_drop_replication_slot(slot_name)::text from pg_replication_slots where slot_name = ?", slot);
    }

    void enable(String subscription) throws SQLException {
        execute("ALTER SUBSCRIPTION " + subscription + " ENABLE");
    }

    /** Stops applying from that peer and waits until its apply worker has gone, so nothing more arrives. */
    void disable(String subscription, Duration timeout) throws SQLException {
        execute("ALTER SUBSCRIPTION " + subscription + " DISABLE");
        await(timeout, "the apply worker of " + subscription + " to stop", () -> !exists(
                "select 1 from pg_stat_subscription where subname = ? and pid is not null", subscription));
    }

    /** Takes newly published tables of the peer into this subscription; their rows are not copied. */
    void refresh(String subscription) throws SQLException {
        execute("ALTER SUBSCRIPTION " + subscription + " REFRESH PUBLICATION WITH (copy_data = false)");
    }

    /** Where the slot {@code slot} on this node starts sending from. */
    Lsn slotStart(String slot) throws SQLException {
        return Lsn.parse(single("select confirmed_flush_lsn::text from pg_replication_slots where slot_name = ?", slot)
                .orElseThrow(() -> new IllegalStateException("no replication slot " + slot + " on " + node)));
    }

    /** Moves the slot {@code slot} on (never back) so the changes up to {@code position} are not sent. */
    void skipSlotTo(String slot, Lsn position) throws SQLException {
        if (slotStart(slot).isBefore(position)) {
            single("select pg_replication_slot_advance(?, ?::pg_lsn)::text", slot, position.toString());
        }
    }

    /** Waits until this node's subscription has received the peer's WAL up to {@code position}. */
    void awaitReceived(String subscription, Lsn position, Duration timeout) throws SQLException {
        await(timeout, subscription + " to receive up to " + position, () -> !Lsn.parse(single(
                "select received_lsn::text from pg_stat_subscription where subname = ? and relid is null", subscription)
                .orElse(null)).isBefore(position));
    }

    /**
     * The end of the last transaction from that peer this node has applied (exact while the
     * subscription is disabled): its replication origin's progress.
     */
    Lsn applied(String subscription) throws SQLException {
        return Lsn.parse(single("""
                select o.remote_lsn::text from pg_replication_origin_status o
                join pg_subscription s on o.external_id = 'pg_' || s.oid
                where s.subname = ?""", subscription).orElse(null));
    }

    /** Waits until every table of the subscription is copied and in step with the live changes. */
    void awaitCopied(String subscription, Duration timeout) throws SQLException {
        await(timeout, "the initial copy of " + subscription, () -> exists("""
                select 1 from pg_subscription s where s.subname = ?
                and exists (select 1 from pg_subscription_rel r where r.srsubid = s.oid)
                and not exists (select 1 from pg_subscription_rel r where r.srsubid = s.oid and r.srsubstate <> 'r')""",
                subscription));
    }

    /** Waits until the node table here lists node {@code id} with its database address: that node's row has arrived. */
    void awaitMember(String id, Duration timeout) throws SQLException {
        await(timeout, "the row of node " + id + " to reach " + node,
                () -> exists("select 1 from node where id = ?::uuid and db_host is not null", id));
    }

    Lsn currentPosition() throws SQLException {
        return Lsn.parse(single("select pg_current_wal_lsn()::text").orElseThrow());
    }

    private interface Condition {
        boolean holds() throws SQLException;
    }

    private static void await(Duration timeout, String what, Condition condition) throws SQLException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private void execute(String command) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(command);
        }
    }

    private boolean exists(String query, String... parameters) throws SQLException {
        try (PreparedStatement statement = prepared(query, parameters); ResultSet row = statement.executeQuery()) {
            return row.next();
        }
    }

    private Optional<String> single(String query, String... parameters) throws SQLException {
        try (PreparedStatement statement = prepared(query, parameters); ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        }
    }

    private PreparedStatement prepared(String query, String... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
