package org.tandem.domain.node;

import java.util.List;
import java.util.function.Consumer;

/**
 * Changes to which nodes are members of the cluster, made from this node (a member, or a lone node
 * that becomes the first member): a new node joins with this node as the seed of its copy, or a
 * member is taken out. Each runs for as long as it takes (a join copies every table) and tells each
 * step as it starts it. A change that fails undoes what it set up and throws
 * {@link MembershipChangeFailedException} saying why.
 */
public interface ClusterMembershipChanges {

    /** The steps of a change, in order; a removal has no copy. */
    enum Step {
        /** Every member reachable; a joining node empty, in no cluster, its name free. */
        CHECKS,
        /** Subscriptions created between the node and every member (or, for a removal, dropped). */
        SUBSCRIPTIONS,
        /** The joining node copies every table from this node. */
        COPY,
        DONE
    }

    /** A change set up but not started: {@link #run} may take minutes, so it belongs on a background thread. */
    interface Change<R> {
        R run(Consumer<Step> progress);
    }

    /** @param peers the members the new node replicates with now, by name */
    record Joined(String node, List<String> peers) {

        public Joined {
            peers = List.copyOf(peers);
        }
    }

    /** @param reached whether the node was reachable, and so cleaned up too (else only its peers were) */
    record Removed(String node, boolean reached) {
    }

    /**
     * A join of the node whose database is at {@code address} ({@code host:port/name}, as
     * {@code ./tandem join} takes it): a node started empty, whose own row is in its database.
     *
     * @throws IllegalArgumentException when {@code address} is not written so, saying how it is
     */
    Change<Joined> join(String address);

    /** Taking member {@code node} out of the cluster (not this node itself). */
    Change<Removed> removal(String node);
}
