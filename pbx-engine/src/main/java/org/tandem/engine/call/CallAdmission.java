package org.tandem.engine.call;

import org.tandem.domain.tenant.PlanLimits;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Whether a tenant may start one more call now, by its plan: calls up at once, and new calls per
 * second (a token bucket holding one second's worth, so a burst up to the limit passes). Each call
 * is counted on the node its caller's INVITE reached; the concurrent limit adds what the other nodes
 * last said they have up ({@link CallCountSharing}), the rate is each node's own.
 */
public final class CallAdmission {

    /** Why a call was refused: the reason phrase of the caller's 403. */
    enum Refusal {
        CONCURRENT_CALLS("Call Limit Reached"),
        CALLS_PER_SECOND("Call Rate Limit Reached");

        final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }
    }

    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private final ConcurrentMap<UUID, TenantCalls> tenants = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private volatile Map<UUID, Integer> elsewhere = Map.of();

    public CallAdmission(InstantSource clock) {
        this.clock = clock;
    }

    /** Counts the call in if its tenant's plan allows it; a call admitted must be {@link #release}d once. */
    Optional<Refusal> admit(UUID tenantId, PlanLimits plan) {
        return tenants.computeIfAbsent(tenantId, id -> new TenantCalls())
                .admit(plan, elsewhere.getOrDefault(tenantId, 0), clock.instant());
    }

    void release(UUID tenantId) {
        TenantCalls calls = tenants.get(tenantId);
        if (calls != null) {
            calls.release();
        }
    }

    /** Each tenant's calls up now on this node (tenants that never called here are left out). */
    Map<UUID, Integer> activeHere() {
        Map<UUID, Integer> counts = new HashMap<>();
        tenants.forEach((tenant, calls) -> counts.put(tenant, calls.active()));
        return counts;
    }

    /** What the other nodes have up, per tenant, as they last published it. */
    void countElsewhere(Map<UUID, Integer> counts) {
        elsewhere = Map.copyOf(counts);
    }

    private static final class TenantCalls {
        private int active;
        /** Calls that may start now, in billionths: refilled at the plan's rate, up to one second's worth. */
        private long tokenNanos = -1;
        private Instant refilledAt;

        synchronized Optional<Refusal> admit(PlanLimits plan, int activeElsewhere, Instant now) {
            long capacity = plan.maxCallsPerSecond() * NANOS_PER_SECOND;
            if (tokenNanos < 0) {
                tokenNanos = capacity;
            } else {
                // a second refills the bucket whatever its rate, so longer pauses need not be multiplied out
                long elapsed = Math.clamp(Duration.between(refilledAt, now).toNanos(), 0, NANOS_PER_SECOND);
                tokenNanos = Math.min(capacity, tokenNanos + elapsed * plan.maxCallsPerSecond());
            }
            refilledAt = now;
            if (active + activeElsewhere >= plan.maxConcurrentCalls()) {
                return Optional.of(Refusal.CONCURRENT_CALLS);
            }
            if (tokenNanos < NANOS_PER_SECOND) {
                return Optional.of(Refusal.CALLS_PER_SECOND);
            }
            tokenNanos -= NANOS_PER_SECOND;
            active++;
            return Optional.empty();
        }

        synchronized void release() {
            if (active > 0) {
                active--;
            }
        }

        synchronized int active() {
            return active;
        }
    }
}
