package org.tandem.api.calls;

import java.util.List;
import java.util.UUID;

/** A tenant's calls up now, on every node, oldest first. */
public record ActiveCallList(UUID tenantId, List<ActiveCall> calls) {
}
