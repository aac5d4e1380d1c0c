package org.tandem.engine.services;

import java.time.Duration;
import java.util.Properties;

/**
 * The operator's choices for calls.
 *
 * @param noAnswerTimeout how long the callee's phones ring before the caller gets 480 "No Answer"
 * @param stopGrace       how long a stopping node lets its calls up end by themselves, refusing new
 *                        ones, before it hangs up the rest (zero: at once)
 */
public record CallPolicy(Duration noAnswerTimeout, Duration stopGrace) {

    public static final String NO_ANSWER_PROPERTY = "tandem.call.no.answer.seconds";
    public static final String STOP_GRACE_PROPERTY = "tandem.call.stop.grace.seconds";
    public static final CallPolicy DEFAULT = new CallPolicy(Duration.ofSeconds(30), Duration.ofSeconds(30));

    public CallPolicy {
        if (noAnswerTimeout.isNegative() || noAnswerTimeout.isZero()) {
            throw new IllegalArgumentException("no-answer timeout must be positive: " + noAnswerTimeout);
        }
        if (stopGrace.isNegative()) {
            throw new IllegalArgumentException("stop grace must not be negative: " + stopGrace);
        }
    }

    public CallPolicy withNoAnswerTimeout(Duration timeout) {
        return new CallPolicy(timeout, stopGrace);
    }

    public CallPolicy withStopGrace(Duration grace) {
        return new CallPolicy(noAnswerTimeout, grace);
    }

    /** The default policy, with {@value #NO_ANSWER_PROPERTY} and {@value #STOP_GRACE_PROPERTY} where set. */
    public static CallPolicy fromProperties(Properties properties) {
        return new CallPolicy(seconds(properties, NO_ANSWER_PROPERTY, DEFAULT.noAnswerTimeout),
                seconds(properties, STOP_GRACE_PROPERTY, DEFAULT.stopGrace));
    }

    private static Duration seconds(Properties properties, String name, Duration otherwise) {
        String seconds = properties.getProperty(name);
        if (seconds == null) {
            return otherwise;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(seconds.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number of seconds: " + seconds, e);
        }
    }
}
