package org.tandem.api.ringgroup;

import java.util.List;
import java.util.UUID;

/** A tenant's ring groups, by number. */
public record RingGroupList(UUID tenantId, List<RingGroup> ringGroups) {
}
