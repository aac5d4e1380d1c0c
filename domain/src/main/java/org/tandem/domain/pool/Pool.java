package org.tandem.domain.pool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.tandem.domain.node.Node;
import org.tandem.domain.shared.Identified;
import org.tandem.domain.shared.Names;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An ordered pair of nodes that serves a set of tenants: phones register to the primary (DNS SRV
 * priority 10) and fall back to the secondary (priority 20). A pool of one node has no secondary.
 */
@Entity
@Table(name = "pool")
public class Pool extends Identified {

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "primary_node_id", nullable = false)
    private UUID primaryNodeId;

    @Column(name = "secondary_node_id")
    private UUID secondaryNodeId;

    protected Pool() {
    }

    public Pool(String name, Node primary, Node secondary) {
        this.name = Names.required(name, "pool name");
        this.primaryNodeId = Objects.requireNonNull(primary, "primary node").id();
        if (secondary != null && secondary.id().equals(primaryNodeId)) {
            throw new IllegalArgumentException("a pool's secondary node must differ from its primary");
        }
        this.secondaryNodeId = secondary == null ? null : secondary.id();
    }

    public static Pool ofOneNode(String name, Node node) {
        return new Pool(name, node, null);
    }

    public String name() {
        return name;
    }

    public UUID primaryNodeId() {
        return primaryNodeId;
    }

    public Optional<UUID> secondaryNodeId() {
        return Optional.ofNullable(secondaryNodeId);
    }

    /** The nodes in the order phones try them. */
    public List<UUID> nodesInOrder() {
        return secondaryNodeId == null ? List.of(primaryNodeId) : List.of(primaryNodeId, secondaryNodeId);
    }
}
