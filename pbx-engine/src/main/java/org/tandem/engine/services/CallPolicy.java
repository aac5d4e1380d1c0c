package org.tandem.engine.services;

import org.tandem.domain.settings.NodeSettings;
import org.tandem.engine.call.sessiontimer.SessionTimerRules;

import java.time.Duration;
import java.util.Properties;

/**
 * The operator's choices for calls.
 *
 * @param noAnswerTimeout how long the callee's phones ring before the caller gets 480 "No Answer"
 * @param stopGrace       how long a stopping node lets its calls up end by themselves, refusing new
 *                        ones, before it hangs up the rest (zero: at once)
 * @param sessionExpires  the session (RFC 4028) the node offers when the caller asks for none or a
 *                        longer one: an answered call nobody refreshed within it is ended
 * @param minSessionExpires the shortest session the node accepts (its Min-SE; shorter: 422)
 */
public record CallPolicy(Duration noAnswerTimeout, Duration stopGrace, Duration sessionExpires,
                         Duration minSessionExpires) {

    public static final String NO_ANSWER_PROPERTY = "tandem.call.no.answer.seconds";
    public static final String STOP_GRACE_PROPERTY = "tandem.call.stop.grace.seconds";
    public static final String SESSION_EXPIRES_PROPERTY = "tandem.call.session.expires.seconds";
    public static final String MIN_SE_PROPERTY = "tandem.call.min.se.seconds";
    /** RFC 4028's recommended session and its floor for Min-SE. */
    public static final CallPolicy DEFAULT = new CallPolicy(Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofSeconds(1800), Duration.ofSeconds(90));

    public CallPolicy {
        if (noAnswerTimeout.isNegative() || noAnswerTimeout.isZero()) {
            throw new IllegalArgumentException("no-answer timeout must be positive: " + noAnswerTimeout);
        }
        if (stopGrace.isNegative()) {
            throw new IllegalArgumentException("stop grace must not be negative: " + stopGrace);
        }
        new SessionTimerRules(sessionExpires, minSessionExpires); // refuses a minimum below 1 s or above the interval
    }

    /** The session-timer rules these settings make. */
    public SessionTimerRules sessionTimers() {
        return new SessionTimerRules(sessionExpires, minSessionExpires);
    }

    public CallPolicy withNoAnswerTimeout(Duration timeout) {
        return new CallPolicy(timeout, stopGrace, sessionExpires, minSessionExpires);
    }

    public CallPolicy withStopGrace(Duration grace) {
        return new CallPolicy(noAnswerTimeout, grace, sessionExpires, minSessionExpires);
    }

    public CallPolicy withSessionTimer(Duration expires, Duration minimum) {
        return new CallPolicy(noAnswerTimeout, stopGrace, expires, minimum);
    }

    /** The default policy, with each of its properties ({@value #NO_ANSWER_PROPERTY}, ...) where set. */
    public static CallPolicy fromProperties(Properties properties) {
        return new CallPolicy(seconds(properties, NO_ANSWER_PROPERTY, DEFAULT.noAnswerTimeout),
                seconds(properties, STOP_GRACE_PROPERTY, DEFAULT.stopGrace),
                seconds(properties, SESSION_EXPIRES_PROPERTY, DEFAULT.sessionExpires),
                seconds(properties, MIN_SE_PROPERTY, DEFAULT.minSessionExpires));
    }

    private static Duration seconds(Properties properties, String name, Duration otherwise) {
        return Duration.ofSeconds(NodeSettings.wholeNumber(properties, name, (int) otherwise.toSeconds()));
    }
}
