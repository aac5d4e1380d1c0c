package org.tandem.administration.apitoken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.account.PasswordThrottle;
import org.tandem.administration.account.PasswordThrottle.Looked;
import org.tandem.administration.account.PasswordThrottle.Paused;
import org.tandem.domain.account.PasswordHash;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.apitoken.ApiToken;
import org.tandem.domain.apitoken.ApiTokenRepository;
import org.tandem.domain.apitoken.ApiTokenSecret;
import org.tandem.domain.apitoken.ApiTokenStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who an API request acts for. A bearer token is checked against its stored hash and its status; a
 * username and password (only for managing tokens) against the login. The answer is the login's
 * {@link Actor}, so the services apply the same access rules as in the portal. An address that failed
 * too often, for tokens or for that login, is refused before anything is checked; every check goes
 * through the {@link PasswordThrottle}, where wrong passwords count with those of the portal's sign-in.
 *
 * <p>Only a caller that holds the whole, right secret learns that its token expired or was revoked;
 * anything else is the same "not valid", so a guesser learns nothing about which prefixes exist.
 */
@ApplicationScoped
@Transactional
public class ApiAuthentication {

    static final String INVALID_TOKEN = "The API token is not valid";
    static final String WRONG_PASSWORD = "Wrong username or password";

    @Inject
    private ApiTokenRepository tokens;
    @Inject
    private PortalAccountRepository accounts;
    @Inject
    private PasswordThrottle throttle;
    @Inject
    private Clock clock;

    /**
     * @param source the client's address, for the throttle
     * @throws AuthenticationFailedException   not a valid token now
     * @throws TooManyFailedAttemptsException  {@code source} must wait first
     */
    public Actor bearer(String presented, String source) {
        Instant now = clock.instant();
        return switch (throttle.checkToken(source, () -> holder(presented, now), Holder::proved)) {
            case Paused<Holder>(Duration wait) -> throw new TooManyFailedAttemptsException(wait);
            case Looked<Holder>(Holder holder) -> holder.actor();
        };
    }

    /** Who holds {@code presented} at {@code now} (its use recorded), or why no one does. */
    private Holder holder(String presented, Instant now) {
        Optional<ApiTokenSecret> secret = ApiTokenSecret.parse(presented);
        Optional<ApiToken> token = secret.flatMap(candidate -> tokens.findByPrefix(candidate.prefix()))
                .filter(stored -> secret.get().matches(stored.secretSha256()));
        if (token.isEmpty()) {
            return Holder.refused(INVALID_TOKEN);
        }
        ApiToken valid = token.get();
        ApiTokenStatus status = valid.status(now);
        if (status == ApiTokenStatus.REVOKED) {
            return Holder.refused("The API token was revoked at " + valid.revokedAt());
        }
        if (status == ApiTokenStatus.EXPIRED) {
            return Holder.refused("The API token expired at " + valid.expiresAt());
        }
        Optional<PortalAccount> account = accounts.findByUsername(valid.accountUsername());
        if (account.isEmpty()) {
            return Holder.refused(INVALID_TOKEN);
        }
        tokens.recordUse(valid.id(), now);
        return new Holder(Actor.of(account.get()), null);
    }

    /**
     * A login's own password, for the one thing a token may not do: make tokens. Costs the same slow
     * hash whether or not the username exists, so timing tells nothing either.
     */
    public Actor password(String username, char[] password, String source) {
        return switch (throttle.checkPassword(username, source, () -> login(username, password), Optional::isPresent)) {
            case Paused<Optional<PortalAccount>>(Duration wait) -> throw new TooManyFailedAttemptsException(wait);
            case Looked<Optional<PortalAccount>>(Optional<PortalAccount> login) ->
                    Actor.of(login.orElseThrow(() -> new AuthenticationFailedException(WRONG_PASSWORD)));
        };
    }

    /** The login {@code password} is of, if it is. */
    private Optional<PortalAccount> login(String username, char[] password) {
        Optional<PortalAccount> account;
        try {
            account = accounts.findByUsername(PortalAccount.normalizedUsername(username));
        } catch (IllegalArgumentException notAUsername) {
            account = Optional.empty();
        }
        boolean matches = account.isPresent() ? account.get().canSignIn(password) : Decoy.HASH.matches(password);
        return matches ? account : Optional.empty();
    }

    /** A token's login, or the refusal (counted as a failure) when it proves none. */
    private record Holder(Actor login, String refusal) {

        static Holder refused(String refusal) {
            return new Holder(null, refusal);
        }

        boolean proved() {
            return login != null;
        }

        Actor actor() {
            if (login == null) {
                throw new AuthenticationFailedException(refusal);
            }
            return login;
        }
    }

    /** A hash no password matches, checked when the username is unknown so that it costs the same time. */
    private static final class Decoy {
        static final PasswordHash HASH = PasswordHash.of("no login has this password".toCharArray());
    }
}
