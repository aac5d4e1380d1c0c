package org.tandem.domain.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What a tenant's plan allows: how many extensions, concurrent calls and new calls per second. */
@Embeddable
public record PlanLimits(
        @Column(name = "max_extensions", nullable = false) int maxExtensions,
        @Column(name = "max_concurrent_calls", nullable = false) int maxConcurrentCalls,
        @Column(name = "max_calls_per_second", nullable = false) int maxCallsPerSecond) {

    public static final int MAX_EXTENSIONS = 10_000;

    public PlanLimits {
        requireBetween(maxExtensions, MAX_EXTENSIONS, "extensions");
        requireBetween(maxConcurrentCalls, 10_000, "concurrent calls");
        requireBetween(maxCallsPerSecond, 1_000, "calls per second");
    }

    private static void requireBetween(int value, int max, String what) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("plan limit for " + what + " must be between 1 and " + max + ": " + value);
        }
    }
}
