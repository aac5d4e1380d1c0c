package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

public class JpaTenantRepository extends JpaRepository<Tenant> implements TenantRepository {

    public JpaTenantRepository(EntityManager entityManager) {
        super(entityManager, Tenant.class);
    }

    @Override
    public Optional<Tenant> findBySipDomain(SipDomain domain) {
        return oneWhere("sipDomain", domain.name());
    }

    @Override
    public List<Tenant> ofReseller(UUID resellerId) {
        return allWhere("resellerId", resellerId, "companyName");
    }

    @Override
    public List<Tenant> search(UUID resellerId, String text, int limit) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        String matching = "(lower(t.companyName) like :pattern escape '\\' or t.sipDomain like :pattern escape '\\')";
        TypedQuery<Tenant> query = entityManager.createQuery("select t from Tenant t where " + matching
                + (resellerId == null ? "" : " and t.resellerId = :reseller")
                + " order by t.companyName, t.sipDomain", Tenant.class);
        if (resellerId != null) {
            query.setParameter("reseller", resellerId);
        }
        return query.setParameter("pattern", pattern).setMaxResults(limit).getResultList();
    }
}
