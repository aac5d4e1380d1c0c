package org.tandem.engine.call;

import org.tandem.domain.call.CallCounts;
import org.tandem.engine.periodic.PeriodicTask;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Every {@link #PERIOD}, publishes this node's calls up per tenant and reads the other nodes', so a
 * plan's concurrent-call limit holds across the cluster within about a second (plus replication).
 * A count not refreshed for {@link #FRESH} is ignored: a node that died stops counting. Only what
 * changed is written, plus a refresh of every non-zero count, so an idle node writes nothing.
 */
public final class CallCountSharing implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(1);
    static final Duration FRESH = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(CallCountSharing.class.getName());

    private final CallAdmission admission;
    private final CallCounts counts;
    private final UUID nodeId;
    private final InstantSource clock;
    private PeriodicTask timer;
    private final Map<UUID, Integer> published = new HashMap<>();
    private boolean failing;

    private CallCountSharing(CallAdmission admission, CallCounts counts, UUID nodeId, InstantSource clock) {
        this.admission = admission;
        this.counts = Objects.requireNonNull(counts, "call counts");
        this.nodeId = nodeId;
        this.clock = clock;
    }

    /** Starts sharing on a thread of its own named {@code threadName}. */
    public static CallCountSharing start(CallAdmission admission, CallCounts counts, UUID nodeId, InstantSource clock,
                                         String threadName) {
        CallCountSharing sharing = new CallCountSharing(admission, counts, nodeId, clock);
        sharing.timer = PeriodicTask.every(PERIOD, PERIOD, threadName, sharing::exchange);
        return sharing;
    }

    void exchange() {
        try {
            Instant now = clock.instant();
            Map<UUID, Integer> here = admission.activeHere();
            Map<UUID, Integer> changed = new HashMap<>();
            here.forEach((tenant, active) -> {
                if (active > 0 || !Integer.valueOf(active).equals(published.getOrDefault(tenant, 0))) {
                    changed.put(tenant, active);
                }
            });
            counts.publish(nodeId, changed, now);
            published.putAll(changed);
            admission.countElsewhere(counts.elsewhere(nodeId, now.minus(FRESH)));
            if (failing) {
                failing = false;
                LOG.log(System.Logger.Level.INFO, "sharing call counts with the cluster again");
            }
        } catch (RuntimeException e) {
            // The next round tries again; a periodic task that throws would never run again.
            admission.countElsewhere(Map.of());
            if (!failing) {
                failing = true;
                LOG.log(System.Logger.Level.WARNING, "cannot share call counts with the cluster (limits count"
                        + " this node's calls only until it can): " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        timer.close();
    }
}
