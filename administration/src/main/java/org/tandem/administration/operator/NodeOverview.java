package org.tandem.administration.operator;

import java.time.Instant;
import java.util.List;

/**
 * One node: where phones and peers reach it, the pools it serves (as "pool (primary)"), how many
 * phones are registered on it, and when one last registered there (null: none holds a binding).
 */
public record NodeOverview(String name, String sipAddress, String clusterHost, List<String> pools,
                           long registeredPhones, Instant lastRegistration) {

    public NodeOverview {
        pools = List.copyOf(pools);
    }
}
