package org.tandem.administration.extension;

import java.util.List;
import java.util.UUID;

/** A tenant's extensions with what its plan allows. */
public record TenantExtensions(UUID tenantId, String companyName, String sipDomain, int maxExtensions,
                               List<ExtensionSummary> extensions) {

    public TenantExtensions {
        extensions = List.copyOf(extensions);
    }

    public boolean full() {
        return extensions.size() >= maxExtensions;
    }
}
