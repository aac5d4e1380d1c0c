package org.tandem.api.tenant;

import org.tandem.domain.ringgroup.RingStrategy;

import java.util.List;

/** The JSON body that creates a ring group; a missing strategy rings all members at once, a missing time is 20 s. */
public record RingGroupRequest(String number, String name, RingStrategy strategy, Integer memberTimeoutSeconds,
                               List<String> members) {
}
