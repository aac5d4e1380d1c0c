package org.tandem.engine.call.sessiontimer;

/** What {@link SessionTimerRules} decided for a new call's INVITE. */
public sealed interface SessionTimerDecision {

    /**
     * The call goes on with a session of {@code seconds}; {@code refresher} is the caller's choice
     * (null: it left the choice to the answering side), {@code callerSupportsTimer} whether it said
     * {@code Supported: timer}.
     */
    record Offered(int seconds, Refresher refresher, boolean callerSupportsTimer) implements SessionTimerDecision {
    }

    /** 422: the session asked for is shorter than {@code minSeconds}, the node's Min-SE (RFC 4028 9). */
    record TooBrief(int minSeconds) implements SessionTimerDecision {
    }

    /** 400: a Session-Expires or Min-SE that is no number of seconds, or an unknown refresher. */
    record Malformed(String reason) implements SessionTimerDecision {
    }
}
