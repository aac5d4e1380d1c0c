package org.tandem.administration.account;

import jakarta.enterprise.context.ApplicationScoped;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.throttle.FailureThrottle;
import org.tandem.domain.throttle.ThrottlePolicy;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
 *
 * <p>Every check goes through {@link FailureThrottle#attempt}: the checks of one address take turns,
 * so guesses sent all at once get no more looks than guesses sent one after another.
 */
@ApplicationScoped
public class PasswordThrottle {

    /** The account bearer failures count against; never a login's name (no username has a space). */
    static final String API_TOKENS = "API tokens";
    /** What a name that cannot be a login counts as: such names are one account, no one's. */
    static final String NOT_A_USERNAME = "(not a username)";

    /** What a check through the throttle came to. */
    public sealed interface Checked<T> {
    }

    /** Looked at: {@code result} is what the check found, right or wrong (a wrong one is counted). */
    public record Looked<T>(T result) implements Checked<T> {
    }

    /** Not looked at: the address must wait {@code retryAfter} first. */
    public record Paused<T>(Duration retryAfter) implements Checked<T> {
    }

    private final FailureThrottle throttle;

    /** With the {@code TANDEM_AUTH_*} policy and the system clock. */
    public PasswordThrottle() {
        this(ThrottlePolicy.fromSystemProperties(), InstantSource.system());
    }

    public PasswordThrottle(ThrottlePolicy policy, InstantSource clock) {
        this.throttle = new FailureThrottle("portal and API sign-in", policy, clock);
    }

    /**
     * Runs {@code check} of a password (or an unknown login) tried as {@code username} from {@code address},
     * unless that address is paused for it, and counts it when {@code right} says its result is wrong.
     */
    public <T> Checked<T> checkPassword(String username, String address, Supplier<T> check, Predicate<? super T> right) {
        return check(address, login(username), check, right);
    }

    /** Runs {@code check} of a bearer token from {@code address}, unless paused, and counts it when not {@code right}. */
    public <T> Checked<T> checkToken(String address, Supplier<T> check, Predicate<? super T> right) {
        return check(address, API_TOKENS, check, right);
    }

    private <T> Checked<T> check(String address, String account, Supplier<T> check, Predicate<? super T> right) {
        AtomicReference<T> found = new AtomicReference<>();
        FailureThrottle.Attempt attempt = throttle.attempt(address, account, () -> {
            found.set(check.get());
            return right.test(found.get());
        });
        return attempt instanceof FailureThrottle.Refused(Duration retryAfter) ? new Paused<>(retryAfter)
                : new Looked<>(found.get());
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
