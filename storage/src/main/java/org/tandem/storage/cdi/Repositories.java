package org.tandem.storage.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.storage.jpa.JpaPortalAccountRepository;

/** Hands the domain's repository interfaces to the rest of the EAR, backed by the container's entity manager. */
@ApplicationScoped
public class Repositories {

    @PersistenceContext(unitName = "tandem")
    private EntityManager entityManager;

    @Produces
    PortalAccountRepository portalAccounts() {
        return new JpaPortalAccountRepository(entityManager);
    }
}
