package org.tandem.administration.ringgroup;

import org.tandem.domain.ringgroup.RingStrategy;

import java.util.List;
import java.util.UUID;

/** One ring group as lists show it; members are extension numbers in ring order. */
public record RingGroupSummary(UUID id, String number, String name, RingStrategy strategy, int memberTimeoutSeconds,
                               List<String> members) {

    public RingGroupSummary {
        members = List.copyOf(members);
    }
}
