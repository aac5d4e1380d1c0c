package org.tandem.engine.call.leg;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one leg (dialog) of a call stands, and the only moves it may make. A leg starts CALLING (the
 * INVITE is on its way), may turn EARLY (a provisional answer with a tag; more may follow), is
 * ANSWERED by a 2xx and CONFIRMED by its ACK; a BYE either way makes it ENDING, and it is ENDED once
 * the call is over or the INVITE got a final refusal (or was cancelled). Nothing leaves ENDED.
 */
public enum LegState {
    CALLING, EARLY, ANSWERED, CONFIRMED, ENDING, ENDED;

    /** Whether this state may move to {@code next}. */
    public boolean canBecome(LegState next) {
        return allowedNext().contains(next);
    }

    /** {@code next}, if this state may move there; else a {@link IllegalLegTransition}. */
    public LegState to(LegState next) {
        if (!canBecome(next)) {
            throw new IllegalLegTransition(this, next);
        }
        return next;
    }

    private Set<LegState> allowedNext() {
        return switch (this) {
            case CALLING -> EnumSet.of(EARLY, ANSWERED, ENDED);
            case EARLY -> EnumSet.of(EARLY, ANSWERED, ENDED);
            case ANSWERED -> EnumSet.of(CONFIRMED, ENDING);
            case CONFIRMED -> EnumSet.of(ENDING);
            case ENDING -> EnumSet.of(ENDED);
            case ENDED -> EnumSet.noneOf(LegState.class);
        };
    }

    /** The dialog is up: answered, whether or not its ACK came yet. */
    public boolean isUp() {
        return this == ANSWERED || this == CONFIRMED;
    }

    /** A move the state machine refuses: a bug in whoever asked for it. */
    public static final class IllegalLegTransition extends IllegalStateException {

        IllegalLegTransition(LegState from, LegState to) {
            super("a leg " + from + " cannot become " + to);
        }
    }
}
