package org.tandem.domain.voicemail;

import org.tandem.domain.throttle.FailureThrottle;
import org.tandem.domain.throttle.ThrottlePolicy;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The one place a PIN keyed in for a mailbox is checked, whoever asks (a call into voicemail, later the
 * portal or the API). Wrong PINs count in the product's failure throttle (ADR 0020) under its own
 * policy ({@link ThrottlePolicy#voicemailPinsFromProperties}): per caller and mailbox, and per caller;
 * past either limit the caller is refused without the PIN being looked at, and the block is logged.
 */
public final class PinCheck {

    /** What became of a PIN keyed in. */
    public sealed interface Outcome {
    }

    /** The PIN is the mailbox's. */
    public record Accepted() implements Outcome {
    }

    /** The PIN is wrong; counted. */
    public record Wrong() implements Outcome {
    }

    /** The caller may not try this mailbox for {@code retryAfter}; the PIN was not looked at. */
    public record Blocked(Duration retryAfter) implements Outcome {
    }

    private final FailureThrottle throttle;

    /** Throttled under the {@code tandem.voicemail.pin.*} settings. */
    public PinCheck() {
        this(ThrottlePolicy.voicemailPinsFromProperties(System.getProperties()), InstantSource.system());
    }

    public PinCheck(ThrottlePolicy policy, InstantSource clock) {
        this.throttle = new FailureThrottle("voicemail PIN", Objects.requireNonNull(policy, "policy"), clock);
    }

    /**
     * Checks {@code keyedIn} against {@code mailbox}'s PIN for {@code caller}: whom the throttle counts, so
     * what the caller cannot choose (the calling extension as {@code tenant-id/number} once it
     * authenticated, else the network address the call came from).
     */
    public Outcome check(String caller, Mailbox mailbox, String keyedIn) {
        Objects.requireNonNull(caller, "caller");
        String account = mailbox.tenantId() + "/" + mailbox.extension().digits();
        Duration blocked = throttle.blockedFor(caller, account);
        if (blocked.isPositive()) {
            return new Blocked(blocked);
        }
        if (mailbox.pin().matches(keyedIn)) {
            return new Accepted();
        }
        throttle.recordFailure(caller, account);
        return new Wrong();
    }
}
