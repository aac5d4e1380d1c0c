package org.tandem.administration.customer;

import org.tandem.administration.access.Actor;

import java.util.List;
import java.util.UUID;

/**
 * A reseller's customers. Only the operator and reseller admins use it; a reseller admin reaches only
 * the customers of its own reseller, and any other id is answered "No such customer".
 */
public interface CustomerService {

    /** Most customers a search returns; narrow the search to see others. */
    int SEARCH_LIMIT = 200;
    /** The period a customer's recent usage covers. */
    int USAGE_DAYS = 30;

    /**
     * Creates the tenant in the least-loaded pool and its first admin login, in one transaction.
     *
     * @throws org.tandem.administration.shared.InvalidInputException every field that is wrong or taken
     */
    Customer onboard(Actor actor, Onboarding onboarding);

    /** Customers whose company name or SIP domain contains {@code text} (blank: all), by company name. */
    List<CustomerSummary> search(Actor actor, String text);

    Customer customer(Actor actor, UUID tenantId);

    /** The customer's phones are refused by the engine until it is resumed; its data stays. */
    CustomerSummary suspend(Actor actor, UUID tenantId);

    CustomerSummary resume(Actor actor, UUID tenantId);

    /**
     * Gives the customer a new plan, in force on every node within moments (the engine hears of it
     * like any account change). A plan allowing fewer extensions than the customer has is refused:
     * nothing is removed behind the reseller's back.
     *
     * @throws org.tandem.administration.shared.InvalidInputException on {@link PlanChange#PLAN}: a
     *                                                                 limit out of bounds, or below the extensions in use
     */
    CustomerSummary changePlan(Actor actor, UUID tenantId, PlanChange plan);

    /** The resellers the actor may onboard for: all for the operator, its own for a reseller admin. */
    List<ResellerChoice> resellers(Actor actor);

    record ResellerChoice(UUID id, String name) {
    }
}
