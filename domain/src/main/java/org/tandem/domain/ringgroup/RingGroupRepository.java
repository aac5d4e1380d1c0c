package org.tandem.domain.ringgroup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's ring groups as its admins manage them; the engine reads them through {@link RingGroups}. */
public interface RingGroupRepository {

    /** The tenant's groups by number, each with its members in ring order. */
    List<RingGroup> ofTenant(UUID tenantId);

    /**
     * Adds {@code group} with its members; refuses a number that is an extension or a group of the
     * tenant ({@link org.tandem.domain.shared.AlreadyTakenException}), a group more than the tenant's
     * plan allows or one with more members than it allows per group
     * ({@link org.tandem.domain.tenant.PlanLimitReachedException}, checked under the tenant's number
     * lock) and a member that is not an extension of it ({@link IllegalArgumentException}).
     */
    void add(RingGroup group, Instant createdAt);

    /**
     * Replaces the name, strategy, member timeout and members of group {@code group.id()} of its
     * tenant (its number stays); false if the tenant has no such group. Refuses more members than the
     * tenant's plan allows per group ({@link org.tandem.domain.tenant.PlanLimitReachedException}, checked
     * under the tenant's number lock) and a member that is not an extension of the tenant
     * ({@link IllegalArgumentException}).
     */
    boolean replace(RingGroup group);

    /** Deletes group {@code id} of {@code tenantId} with its members; whether there was one. */
    boolean remove(UUID tenantId, UUID id);
}
