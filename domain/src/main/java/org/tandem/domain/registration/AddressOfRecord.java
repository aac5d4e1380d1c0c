package org.tandem.domain.registration;

import org.tandem.domain.extension.ExtensionNumber;

import java.util.Objects;
import java.util.UUID;

/**
 * The address phones register for: one extension of one tenant. Keyed by the tenant's id, never by
 * its domain name, so the same number in two tenants is two addresses that can never mix.
 */
public record AddressOfRecord(UUID tenantId, ExtensionNumber extension) {

    public AddressOfRecord {
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(extension, "extension");
    }

    @Override
    public String toString() {
        return extension + " of tenant " + tenantId;
    }
}
