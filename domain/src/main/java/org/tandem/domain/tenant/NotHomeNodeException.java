package org.tandem.domain.tenant;

/**
 * A change to a tenant's configuration was asked of a node that is not the tenant's home node now.
 * Only the home node writes a tenant (the pool's primary, or its secondary while the primary is
 * down), so that two nodes never change the same rows. The message names the node to use.
 */
public class NotHomeNodeException extends RuntimeException {

    private final String homeNode;

    public NotHomeNodeException(String message, String homeNode) {
        super(message);
        this.homeNode = homeNode;
    }

    /** The node that writes this tenant now, or null when none may (both of its pool's nodes are down). */
    public String homeNode() {
        return homeNode;
    }
}
