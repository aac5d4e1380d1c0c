package org.tandem.administration.calls;

import org.tandem.administration.access.Actor;

import java.util.List;
import java.util.UUID;

/** A tenant's calls up now, on every node, for its admins, its reseller and the operator. */
public interface ActiveCallService {

    /** The calls of {@code tenantId} ringing or answered now, on every node, oldest first. */
    List<LiveCall> activeCalls(Actor actor, UUID tenantId);

    /**
     * Calls {@code onChange} (on a thread of the feed: be quick) whenever the tenant's calls may have
     * changed, until the returned handle is closed. Checked like {@link #activeCalls}.
     */
    AutoCloseable watch(Actor actor, UUID tenantId, Runnable onChange);
}
