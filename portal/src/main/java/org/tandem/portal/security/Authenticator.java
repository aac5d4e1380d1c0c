package org.tandem.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.domain.account.PasswordHash;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;

import java.util.Optional;

/**
 * Checks a username and password against the portal accounts. The answer is the signed-in user, or
 * empty: it never tells an unknown username from a wrong password, and it spends the same slow hash
 * on an unknown username as on a known one, so neither the message nor the time gives away which
 * usernames exist.
 */
@ApplicationScoped
public class Authenticator {

    @Inject
    private PortalAccountRepository accounts;

    public Optional<SignedInUser> authenticate(String username, char[] password) {
        Optional<PortalAccount> account = findAccount(username);
        if (account.isEmpty()) {
            Decoy.HASH.matches(password);
            return Optional.empty();
        }
        return account.get().canSignIn(password) ? Optional.of(SignedInUser.of(account.get())) : Optional.empty();
    }

    private Optional<PortalAccount> findAccount(String username) {
        String normalized;
        try {
            normalized = PortalAccount.normalizedUsername(username);
        } catch (IllegalArgumentException notAUsername) {
            return Optional.empty();
        }
        return accounts.findByUsername(normalized);
    }

    /** A hash no password matches, checked when the username is unknown so that it costs the same time. */
    private static final class Decoy {
        static final PasswordHash HASH = PasswordHash.of("no account has this password".toCharArray());
    }
}
