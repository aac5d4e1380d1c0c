package org.tandem.domain.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bindings of the cluster. A node only ever writes or deletes its own (its id is part of every
 * key), so rows taken by two nodes for the same phone during a failover never collide.
 *
 * <p>The database is the shared truth (every node reads every node's bindings there once the table is
 * replicated, #5). A node serves its own bindings from a working copy in memory that writes
 * through to the database behind the SIP answer ({@code engine.location.NodeBindings}): a change is
 * seen at once by readers of that node and reaches the database within a few milliseconds.
 */
public interface RegistrationRepository {

    /**
     * Applies {@code changes} in order, all or none; a later change of the same binding
     * ({@link BindingChange#key()}) replaces an earlier one.
     */
    void apply(List<BindingChange> changes);

    /** Stores the binding, or refreshes the one its node already has for the same address and contact. */
    default void save(Registration registration) {
        apply(List.of(new BindingChange.Saved(registration)));
    }

    /** Deletes {@code nodeId}'s binding of {@code aor} to {@code contactUri}, if any. */
    default void remove(UUID nodeId, AddressOfRecord aor, String contactUri) {
        apply(List.of(new BindingChange.Removed(nodeId, aor, contactUri)));
    }

    /** Deletes every binding {@code nodeId} has for {@code aor}; returns how many. */
    int removeAll(UUID nodeId, AddressOfRecord aor);

    /** {@code nodeId}'s bindings of {@code aor} that have not expired at {@code now}, oldest first. */
    List<Registration> active(UUID nodeId, AddressOfRecord aor, Instant now);

    /**
     * Every node's bindings of {@code aor} that have not expired at {@code now}, oldest first: where a
     * call to it must go, whichever node took the REGISTER.
     */
    List<Registration> activeAnywhere(AddressOfRecord aor, Instant now);
    /** Every binding of {@code nodeId} that has not expired at {@code now}: what a node starts with. */
    List<Registration> allActive(UUID nodeId, Instant now);

    /** Deletes at most {@code limit} of {@code nodeId}'s bindings expired at {@code now}; returns how many. */
    int deleteExpired(UUID nodeId, Instant now, int limit);

    /** How many of {@code nodeId}'s bindings have not expired at {@code now}. */
    long countActive(UUID nodeId, Instant now);
}
