package org.tandem.engine.call;

import java.time.Duration;
import java.util.Properties;

/**
 * The operator's choices for calls.
 *
 * @param noAnswerTimeout how long the callee's phones ring before the caller gets 480 "No Answer"
 */
public record CallPolicy(Duration noAnswerTimeout) {

    public static final String NO_ANSWER_PROPERTY = "tandem.call.no.answer.seconds";
    public static final CallPolicy DEFAULT = new CallPolicy(Duration.ofSeconds(30));

    public CallPolicy {
        if (noAnswerTimeout.isNegative() || noAnswerTimeout.isZero()) {
            throw new IllegalArgumentException("no-answer timeout must be positive: " + noAnswerTimeout);
        }
    }

    /** The default policy, with {@value #NO_ANSWER_PROPERTY} if set. */
    public static CallPolicy fromProperties(Properties properties) {
        String seconds = properties.getProperty(NO_ANSWER_PROPERTY);
        if (seconds == null) {
            return DEFAULT;
        }
        try {
            return new CallPolicy(Duration.ofSeconds(Long.parseLong(seconds.strip())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NO_ANSWER_PROPERTY + " is not a number of seconds: " + seconds, e);
        }
    }
}
