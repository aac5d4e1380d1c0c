package org.tandem.domain.registration;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What each node's registrar holds now: how many phones, and when one last registered there. */
public interface NodeActivity {

    /** A node's bindings not expired at the time asked, and the latest registration among them. */
    record Activity(long activeBindings, Instant lastRegistration) {
    }

    /** Per node id; nodes holding no binding are left out. */
    Map<UUID, Activity> activity(Instant now);
}
