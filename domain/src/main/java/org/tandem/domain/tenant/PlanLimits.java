package org.tandem.domain.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a tenant's plan allows: how many extensions, concurrent calls and new calls per second, how
 * many ring groups, and how many members one ring group rings.
 */
@Embeddable
public record PlanLimits(
        @Column(name = "max_extensions", nullable = false) int maxExtensions,
        @Column(name = "max_concurrent_calls", nullable = false) int maxConcurrentCalls,
        @Column(name = "max_calls_per_second", nullable = false) int maxCallsPerSecond,
        @Column(name = "max_ring_groups", nullable = false) int maxRingGroups,
        @Column(name = "max_ring_group_members", nullable = false) int maxRingGroupMembers) {

    public static final int MAX_EXTENSIONS = 10_000;
    /** What a plan that names no ring-group limits gets (as the database's column defaults). */
    public static final int DEFAULT_RING_GROUPS = 10;
    public static final int DEFAULT_RING_GROUP_MEMBERS = 20;
    /** The database keeps at most 1,000 positions per group. */
    public static final int MAX_RING_GROUP_MEMBERS = 1_000;

    public PlanLimits {
        requireBetween(maxExtensions, 1, MAX_EXTENSIONS, "extensions");
        requireBetween(maxConcurrentCalls, 1, 10_000, "concurrent calls");
        requireBetween(maxCallsPerSecond, 1, 1_000, "calls per second");
        requireBetween(maxRingGroups, 0, 1_000, "ring groups");
        requireBetween(maxRingGroupMembers, 1, MAX_RING_GROUP_MEMBERS, "members per ring group");
    }

    /** A plan with the default ring-group limits. */
    public PlanLimits(int maxExtensions, int maxConcurrentCalls, int maxCallsPerSecond) {
        this(maxExtensions, maxConcurrentCalls, maxCallsPerSecond, DEFAULT_RING_GROUPS, DEFAULT_RING_GROUP_MEMBERS);
    }

    private static void requireBetween(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("plan limit for " + what + " must be between " + min + " and " + max + ": " + value);
        }
    }
}
