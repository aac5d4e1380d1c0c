package org.tandem.domain.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bindings of the cluster. A node only ever writes or deletes its own (its id is part of every
 * key), so rows taken by two nodes for the same phone during a failover never collide.
 */
public interface RegistrationRepository {

    /** Stores the binding, or refreshes the one its node already has for the same address and contact. */
    void save(Registration registration);

    /** Deletes {@code nodeId}'s binding of {@code aor} to {@code contactUri}, if any. */
    void remove(UUID nodeId, AddressOfRecord aor, String contactUri);

    /** Deletes every binding {@code nodeId} has for {@code aor}; returns how many. */
    int removeAll(UUID nodeId, AddressOfRecord aor);

    /** {@code nodeId}'s bindings of {@code aor} that have not expired at {@code now}, oldest first. */
    List<Registration> active(UUID nodeId, AddressOfRecord aor, Instant now);

    /**
     * Every node's bindings of {@code aor} that have not expired at {@code now}, oldest first: where a
     * call to it must go, whichever node took the REGISTER.
     */
    List<Registration> activeAnywhere(AddressOfRecord aor, Instant now);

    /** Deletes at most {@code limit} of {@code nodeId}'s bindings expired at {@code now}; returns how many. */
    int deleteExpired(UUID nodeId, Instant now, int limit);

    /** How many of {@code nodeId}'s bindings have not expired at {@code now}. */
    long countActive(UUID nodeId, Instant now);
}
