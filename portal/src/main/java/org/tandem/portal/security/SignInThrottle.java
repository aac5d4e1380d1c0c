package org.tandem.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.tandem.domain.throttle.FailureThrottle;
import org.tandem.domain.throttle.ThrottlePolicy;

import java.time.InstantSource;
import java.util.Locale;

/**
 * Slows down password guessing on the portal with the throttle and policy SIP and the API use
 * ({@link FailureThrottle}, {@link ThrottlePolicy}): failures count per client address and username
 * together, and per address. So a guesser is paused for that username at its own address, then for
 * every username there, while the rightful user signs in from anywhere else. A success does not lift
 * a block. Kept in this node's memory; a guesser spreading over nodes meets each node's limit.
 */
@ApplicationScoped
public class SignInThrottle {

    private FailureThrottle throttle = new FailureThrottle("portal sign-in", ThrottlePolicy.fromSystemProperties(),
            InstantSource.system());

    SignInThrottle with(ThrottlePolicy policy, InstantSource clock) {
        this.throttle = new FailureThrottle("portal sign-in", policy, clock);
        return this;
    }

    /** Whether a sign-in as {@code username} from {@code address} may be tried now. */
    public boolean allows(String username, String address) {
        return !throttle.isBlocked(address, normalized(username));
    }

    public void failed(String username, String address) {
        throttle.recordFailure(address, normalized(username));
    }

    private static String normalized(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
