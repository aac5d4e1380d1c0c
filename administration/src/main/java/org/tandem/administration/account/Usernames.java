package org.tandem.administration.account;

import org.tandem.administration.shared.FieldChecks;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;

import java.util.Optional;

/** The username a new login asks for, checked the same way wherever logins are made. */
public final class Usernames {

    private Usernames() {
    }

    /**
     * {@code username} as it would be stored, with a message on {@code field} if it is malformed or
     * already someone's. Checked before the insert, so an expected duplicate never reaches the
     * database as an error.
     */
    public static Optional<String> free(FieldChecks checks, String field, String username, PortalAccountRepository accounts) {
        Optional<String> normalized = checks.check(field, () -> PortalAccount.normalizedUsername(username));
        normalized.filter(taken -> accounts.findByUsername(taken).isPresent())
                .ifPresent(taken -> checks.taken(field, "This username is already taken"));
        return normalized;
    }
}
