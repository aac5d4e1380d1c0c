package org.tandem.administration.operator;

import org.tandem.administration.access.Actor;

import java.util.Optional;

/**
 * Joining a new node to the cluster and removing a member, from this node's page, for the operator
 * only. A change runs in the background (a join copies every table, which may outlast any request);
 * watchers hear of each step and of the end. One change at a time per node: another is refused
 * while one runs.
 */
public interface ClusterMembershipService {

    /**
     * Starts joining the node whose database is at {@code address} ({@code host:port/name}), with
     * this node as the seed of its copy.
     *
     * @throws org.tandem.administration.shared.InvalidInputException (field {@code address}) when the
     *         address is not written so, or (whole) while another change runs; nothing is started
     */
    MembershipJob startJoin(Actor actor, String address);

    /** Starts removing member {@code node}; refused as {@link #startJoin} while another change runs. */
    MembershipJob startRemoval(Actor actor, String node);

    /** The change running on this node, or else the last one that ran, if any. */
    Optional<MembershipJob> current(Actor actor);

    /** Calls {@code onChange} (on the change's thread) at each step and at the end of every change, until closed. */
    AutoCloseable watch(Actor actor, Runnable onChange);
}
