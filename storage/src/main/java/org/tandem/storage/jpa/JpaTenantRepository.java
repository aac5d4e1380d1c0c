package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class JpaTenantRepository extends JpaRepository<Tenant> implements TenantRepository {

    public JpaTenantRepository(EntityManager entityManager) {
        super(entityManager);
    }

    @Override
    public Optional<Tenant> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Tenant.class, id));
    }

    @Override
    public Optional<Tenant> findBySipDomain(SipDomain domain) {
        return entityManager.createQuery("select t from Tenant t where t.sipDomain = :domain", Tenant.class)
                .setParameter("domain", domain.name())
                .getResultStream().findFirst();
    }

    @Override
    public List<Tenant> ofReseller(UUID resellerId) {
        return entityManager.createQuery(
                        "select t from Tenant t where t.resellerId = :reseller order by t.companyName", Tenant.class)
                .setParameter("reseller", resellerId)
                .getResultList();
    }
}
