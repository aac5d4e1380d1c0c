package org.tandem.engine.registrar;

import org.tandem.domain.registration.Registration;

import java.util.List;

/** What {@link BindingRules} decided for one REGISTER. */
sealed interface BindingDecision {

    /**
     * The REGISTER is applied: {@code removals} (contact URIs) deleted, {@code saves} stored (new or
     * refreshed); {@code bindings} is what the address then has, for the 200.
     */
    record Accepted(List<Registration> saves, List<String> removals, List<Registration> bindings)
            implements BindingDecision {
    }

    /** The REGISTER is older than what a binding already holds from the same Call-ID (RFC 3261 10.3 step 7). */
    record OutOfOrder(long storedCseq) implements BindingDecision {
    }

    /** The REGISTER would give the extension more contacts than it may have. */
    record TooManyContacts(int limit) implements BindingDecision {
    }
}
