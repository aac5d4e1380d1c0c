package org.tandem.domain.voicemail;

import org.tandem.domain.throttle.FailureThrottle;
import org.tandem.domain.throttle.ThrottlePolicy;

import java.time.InstantSource;
import java.util.Objects;

/**
 * The one place a PIN keyed in for a mailbox is checked, whoever asks (a call into voicemail, later the
 * portal or the API). Wrong PINs count in the product's failure throttle (ADR 0020) under its own
 * policy ({@link ThrottlePolicy#voicemailPinsFromProperties}): per caller and mailbox, and per caller;
 * past either limit the caller is refused without the PIN being looked at, and the block is logged.
 * A caller's checks run one at a time ({@link FailureThrottle#attempt}), so parallel calls get no more
 * guesses than one.
 */
public final class PinCheck {

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
    public FailureThrottle.Attempt check(String caller, Mailbox mailbox, String keyedIn) {
        Objects.requireNonNull(caller, "caller");
        return throttle.attempt(caller, mailbox.tenantId() + "/" + mailbox.extension().digits(),
                () -> mailbox.pin().matches(keyedIn));
    }
}
