package org.tandem.api.ringgroup;

import org.tandem.administration.ringgroup.RingGroupSummary;
import org.tandem.domain.ringgroup.RingStrategy;

import java.util.List;
import java.util.UUID;

/**
 * A ring group: a number of the tenant that rings its member extensions.
 *
 * @param members extension numbers, in ring order for {@code SEQUENTIAL}
 */
public record RingGroup(UUID id, String number, String name, RingStrategy strategy, int memberTimeoutSeconds,
                        List<String> members) {

    static RingGroup of(RingGroupSummary summary) {
        return new RingGroup(summary.id(), summary.number(), summary.name(), summary.strategy(),
                summary.memberTimeoutSeconds(), summary.members());
    }
}
