package org.tandem.domain.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface TenantRepository {

    void add(Tenant tenant);

    Optional<Tenant> find(UUID id);

    Optional<Tenant> findBySipDomain(SipDomain domain);

    List<Tenant> ofReseller(UUID resellerId);

    /**
     * Tenants whose company name or SIP domain contains {@code text} (any case; blank matches all),
     * of one reseller or, with {@code resellerId} null, of every reseller; by company name, at most {@code limit}.
     */
    List<Tenant> search(UUID resellerId, String text, int limit);
}
