package org.tandem.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.account.PasswordThrottle;
import org.tandem.administration.account.PasswordThrottle.Looked;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The portal's rules for a sign-in attempt, in one place: an address and login paused by the
 * {@link PasswordThrottle} is refused before the password is even checked; a wrong password counts
 * against it, before the next attempt from that address is looked at. A wrong username and a wrong password are one and the same refusal.
 */
@ApplicationScoped
public class SignIn {

    /** What came of an attempt. */
    public sealed interface Outcome {
    }

    /** The username and password are right. */
    public record SignedIn(SignedInUser user) implements Outcome {
    }

    /** A wrong username or password. */
    public record Refused() implements Outcome {
    }

    /** Too many failures from this address: no password is checked for {@code retryAfter}. */
    public record Paused(Duration retryAfter) implements Outcome {
    }

    @Inject
    private Authenticator authenticator;
    @Inject
    private PasswordThrottle throttle;

    /** Checks {@code username} and {@code password} (wiped afterwards) sent from {@code address}. */
    public Outcome attempt(String username, char[] password, String address) {
        try {
            return switch (throttle.checkPassword(username, address, () -> authenticator.authenticate(username, password),
                    Optional::isPresent)) {
                case PasswordThrottle.Paused<Optional<SignedInUser>>(Duration wait) -> new Paused(wait);
                case Looked<Optional<SignedInUser>>(Optional<SignedInUser> user) ->
                        user.<Outcome>map(SignedIn::new).orElseGet(Refused::new);
            };
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
