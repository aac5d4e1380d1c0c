package org.tandem.domain.tenant;

import java.util.Optional;

/**
 * A change to a tenant's configuration was asked of a node that is not the tenant's home node now.
 * Only the home node writes a tenant (the pool's primary, or its secondary while the primary is
 * down), so that two nodes never change the same rows. The message names the node to use and,
 * when that node has said where, its portal.
 */
public class NotHomeNodeException extends RuntimeException {

    private final String homeNode;
    private final String homePortal;

    public NotHomeNodeException(String message, String homeNode, String homePortal) {
        super(message);
        this.homeNode = homeNode;
        this.homePortal = homePortal;
    }

    /** The node that writes this tenant now, or null when none may (both of its pool's nodes are down). */
    public String homeNode() {
        return homeNode;
    }

    /** Where the home node's portal answers (its heartbeat says), if known. */
    public Optional<String> homePortal() {
        return Optional.ofNullable(homePortal);
    }
}
