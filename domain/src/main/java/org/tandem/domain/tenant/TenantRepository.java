package org.tandem.domain.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface TenantRepository {

    void add(Tenant tenant);

    Optional<Tenant> find(UUID id);

    Optional<Tenant> findBySipDomain(SipDomain domain);

    List<Tenant> ofReseller(UUID resellerId);
}
