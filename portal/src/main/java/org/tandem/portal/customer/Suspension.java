package org.tandem.portal.customer;

import org.tandem.administration.customer.CustomerSummary;
import org.tandem.portal.shared.Confirmation;

/** What the customer pages say about suspending a customer, from its list and from its own page alike. */
final class Suspension {

    private Suspension() {
    }

    /** Asks before suspending {@code customer}; {@code suspend} runs if the reseller confirms. */
    static Confirmation confirmation(CustomerSummary customer, Runnable suspend) {
        return new Confirmation("Suspend " + customer.companyName() + "?",
                "Phones of " + customer.companyName() + " will be refused until you resume it: they can neither "
                        + "register nor make or take calls. Its extensions, ring groups and logins are kept, and its "
                        + "admins and users see that it is suspended.",
                "Suspend", "confirm-suspend", suspend);
    }
}
