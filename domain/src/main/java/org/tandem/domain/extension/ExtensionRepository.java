package org.tandem.domain.extension;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface ExtensionRepository {

    void add(Extension extension);

    Optional<Extension> find(UUID tenantId, ExtensionNumber number);

    /** The extension {@code id} if it belongs to {@code tenantId}; empty for another tenant's id. */
    Optional<Extension> find(UUID tenantId, UUID id);

    List<Extension> ofTenant(UUID tenantId);

    long countOfTenant(UUID tenantId);

    /** How many extensions each of {@code tenantIds} has; a tenant without any is left out. */
    Map<UUID, Long> countsOfTenants(Collection<UUID> tenantIds);

    /** Whether {@code number} is a ring group of {@code tenantId} (a number is one or the other, never both). */
    boolean isRingGroup(UUID tenantId, ExtensionNumber number);

    /** What may hold a number of a tenant's dial plan. */
    enum NumberHolder { EXTENSION, RING_GROUP }

    /** What holds {@code number} in {@code tenantId}'s dial plan; empty: it is free. */
    default Optional<NumberHolder> holderOf(UUID tenantId, ExtensionNumber number) {
        if (find(tenantId, number).isPresent()) {
            return Optional.of(NumberHolder.EXTENSION);
        }
        return isRingGroup(tenantId, number) ? Optional.of(NumberHolder.RING_GROUP) : Optional.empty();
    }

    /**
     * Holds {@code tenantId}'s numbers until this transaction ends: other transactions adding or
     * removing its extensions or ring groups wait, so what this one counts stays true until it adds.
     */
    void lockNumbers(UUID tenantId);

    /**
     * Deletes {@code extension} and takes it out of every ring group of its tenant, in this
     * transaction (a group left with no member stays, ringing nobody, until its admin changes it).
     */
    void remove(Extension extension);
}
