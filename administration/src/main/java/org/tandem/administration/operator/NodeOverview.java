package org.tandem.administration.operator;

import java.time.Instant;
import java.util.List;

/**
 * One node: where phones and peers reach it, the pools it serves (as "pool (primary)"), how many
 * phones are registered on it and when one last registered there (null: none holds a binding), the
 * calls up on it, and its health.
 *
 * @param health            what its heartbeat and this node's replication with it say
 * @param lastSeen          its last heartbeat (null: it never wrote one)
 * @param startedAt         when it started, by that heartbeat
 * @param sipUp             whether its SIP engine listened at its last heartbeat (null: never seen)
 * @param databaseReachable whether its database streams its changes to this node now (this node's
 *                          own: true; null for a node that replicates with nobody)
 * @param activeCalls       calls up on it, as it last published them (within the last seconds)
 * @param portalUrl         where its portal answers, by its heartbeat (null: not known)
 */
public record NodeOverview(String name, String sipAddress, String clusterHost, List<String> pools,
                           long registeredPhones, Instant lastRegistration, NodeHealth health, Instant lastSeen,
                           Instant startedAt, Boolean sipUp, Boolean databaseReachable, long activeCalls,
                           String portalUrl) {

    public NodeOverview {
        pools = List.copyOf(pools);
    }
}
