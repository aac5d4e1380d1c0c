package org.tandem.administration.account;

import jakarta.enterprise.context.ApplicationScoped;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.throttle.FailureThrottle;
import org.tandem.domain.throttle.ThrottlePolicy;

import java.time.Duration;
import java.time.InstantSource;

/**
 * The one count of wrong portal-login passwords on this node, whichever door they came through: the
 * portal's sign-in and password change, and the API's HTTP Basic on its token endpoints. So a guesser
 * meets one budget per address, not one per door. Bearer tokens count here too, as one account of
 * their own (a guessed token names no login), so they share the per-address limit.
 *
 * <p>Failures count per client address and login together, and per address ({@link FailureThrottle},
 * with the policy shared with SIP): a guesser is paused for that login at its own address, then for
 * everything there, while the rightful user goes on from anywhere else. A success lifts no block.
 * Kept in this node's memory; a guesser spreading over nodes meets each node's limit.
 */
@ApplicationScoped
public class PasswordThrottle {

    /** The account bearer failures count against; never a login's name (no username has a space). */
    static final String API_TOKENS = "API tokens";
    /** What a name that cannot be a login counts as: such names are one account, no one's. */
    static final String NOT_A_USERNAME = "(not a username)";

    private final FailureThrottle throttle;

    /** With the {@code TANDEM_AUTH_*} policy and the system clock. */
    public PasswordThrottle() {
        this(ThrottlePolicy.fromSystemProperties(), InstantSource.system());
    }

    public PasswordThrottle(ThrottlePolicy policy, InstantSource clock) {
        this.throttle = new FailureThrottle("portal and API sign-in", policy, clock);
    }

    /** How long {@code address} must wait before trying a password of {@code username}; zero when it may try. */
    public Duration passwordWait(String username, String address) {
        return throttle.blockedFor(address, login(username));
    }

    /** Counts a wrong password (or an unknown login) tried as {@code username} from {@code address}. */
    public void passwordFailed(String username, String address) {
        throttle.recordFailure(address, login(username));
    }

    /** How long {@code address} must wait before presenting a bearer token; zero when it may. */
    public Duration tokenWait(String address) {
        return throttle.blockedFor(address, API_TOKENS);
    }

    /** Counts a bearer token from {@code address} that was not valid. */
    public void tokenFailed(String address) {
        throttle.recordFailure(address, API_TOKENS);
    }

    /** The login as stored, so every spelling of one login counts as one. */
    private static String login(String username) {
        try {
            return PortalAccount.normalizedUsername(username);
        } catch (IllegalArgumentException notAUsername) {
            return NOT_A_USERNAME;
        }
    }
}
