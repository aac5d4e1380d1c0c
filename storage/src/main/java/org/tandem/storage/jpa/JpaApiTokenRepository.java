package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.tandem.domain.account.ApiToken;
import org.tandem.domain.account.ApiTokenRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class JpaApiTokenRepository extends JpaRepository<ApiToken> implements ApiTokenRepository {

    public JpaApiTokenRepository(EntityManager entityManager) {
        super(entityManager);
    }

    @Override
    public Optional<ApiToken> find(UUID id) {
        return Optional.ofNullable(entityManager.find(ApiToken.class, id));
    }

    @Override
    public List<ApiToken> ofScope(UUID resellerId, UUID tenantId) {
        TypedQuery<ApiToken> query = entityManager.createQuery("select t from ApiToken t where "
                + (resellerId == null ? "t.resellerId is null" : "t.resellerId = :reseller") + " and "
                + (tenantId == null ? "t.tenantId is null" : "t.tenantId = :tenant")
                + " order by t.createdAt desc", ApiToken.class);
        if (resellerId != null) {
            query.setParameter("reseller", resellerId);
        }
        if (tenantId != null) {
            query.setParameter("tenant", tenantId);
        }
        return query.getResultList();
    }

    @Override
    public void remove(ApiToken token) {
        entityManager.remove(entityManager.contains(token) ? token : entityManager.merge(token));
        entityManager.flush();
    }
}
