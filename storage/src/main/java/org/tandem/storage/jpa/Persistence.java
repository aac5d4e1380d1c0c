package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.tandem.domain.shared.AlreadyTakenException;

import java.util.Map;

/**
 * Adds an entity and reports a broken uniqueness rule in the words of the business, not as a SQL
 * error: the portal and the API show this message as it is.
 */
final class Persistence {

    private static final Map<String, String> UNIQUE_RULES = Map.of(
            "tenant_sip_domain_unique", "This SIP domain is already used by another customer",
            "extension_number_unique", "This extension number is already taken in this company",
            "portal_account_username_unique", "This username is already taken",
            "node_name_unique", "A node with this name already exists",
            "pool_name_unique", "A pool with this name already exists",
            "ring_group_number_unique", "This ring group number is already taken in this company",
            "extension_number_is_ring_group", "This number is already used by a ring group of this company",
            "ring_group_number_is_extension", "This number is already used by an extension of this company");

    private Persistence() {
    }

    static void add(EntityManager entityManager, Object entity) {
        try {
            entityManager.persist(entity);
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translated(e);
        }
    }

    private static RuntimeException translated(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String message = UNIQUE_RULES.get(violation.getConstraintName());
                if (message != null) {
                    return new AlreadyTakenException(message, e);
                }
            }
        }
        return e;
    }
}
