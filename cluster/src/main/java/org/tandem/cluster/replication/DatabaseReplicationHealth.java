package org.tandem.cluster.replication;

import org.tandem.domain.node.ReplicationHealth;
import org.tandem.storage.jdbc.StorageException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** {@link ReplicationStatus} of this node's database (slots, WAL, subscriptions), told in the domain's terms. */
public final class DatabaseReplicationHealth implements ReplicationHealth {

    private final DataSource local;
    private final UUID selfId;
    private final String selfName;

    public DatabaseReplicationHealth(DataSource local, UUID selfId, String selfName) {
        this.local = Objects.requireNonNull(local, "this node's database");
        this.selfId = Objects.requireNonNull(selfId, "this node's id");
        this.selfName = Objects.requireNonNull(selfName, "this node's name");
    }

    @Override
    public Report now() {
        ReplicationStatus status;
        try (Connection connection = local.getConnection()) {
            status = ReplicationStatus.read(connection, selfId, selfName);
        } catch (SQLException e) {
            throw new StorageException("could not read the replication status of " + selfName, e);
        }
        return new Report(status.node(), status.peers().stream().map(DatabaseReplicationHealth::link).toList(),
                status.orphanSlots().stream()
                        .map(slot -> new Unclaimed(slot.name(), slot.retainedBytes(), holding(slot.walStatus()))).toList());
    }

    private static Link link(ReplicationStatus.PeerLink peer) {
        ReplicationStatus.Incoming in = peer.incoming();
        ReplicationStatus.Conflicts conflicts = in.conflicts();
        ReplicationStatus.Slot slot = peer.outgoing().orElse(null);
        return new Link(peer.peer(), Receiving.valueOf(in.state().name()), in.lastMessageAge(),
                slot == null ? null : slot.lagBytes(), slot == null ? null : slot.replayLag(),
                slot == null ? null : slot.retainedBytes(), slot == null ? Holding.NONE : holding(slot.walStatus()),
                slot != null && slot.active(), conflicts.applyErrors(), conflicts.syncErrors(), byKind(conflicts),
                conflicts.divergence(), conflicts.rowsLastWrittenElsewhere());
    }

    /** A slot's wal_status in the domain's words; unreserved, or a value this code does not know, is at risk. */
    static Holding holding(String walStatus) {
        return switch (walStatus == null ? "" : walStatus) {
            case "reserved" -> Holding.WITHIN_LIMIT;
            case "extended" -> Holding.OVER_LIMIT;
            case "lost" -> Holding.LOST;
            default -> Holding.AT_RISK;
        };
    }

    private static Map<String, Long> byKind(ReplicationStatus.Conflicts conflicts) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put("insert_exists", conflicts.insertExists());
        kinds.put("update_origin_differs", conflicts.updateOriginDiffers());
        kinds.put("update_exists", conflicts.updateExists());
        kinds.put("update_missing", conflicts.updateMissing());
        kinds.put("delete_origin_differs", conflicts.deleteOriginDiffers());
        kinds.put("delete_missing", conflicts.deleteMissing());
        kinds.put("multiple_unique_conflicts", conflicts.multipleUniqueConflicts());
        return kinds;
    }
}
