package org.tandem.api.registration;

import java.util.List;
import java.util.UUID;

/** A tenant's registered phones, by extension. */
public record RegistrationList(UUID tenantId, List<RegisteredPhone> registrations) {
}
