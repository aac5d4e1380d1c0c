package org.tandem.engine.failure;

import java.sql.SQLException;
import java.util.Set;

/**
 * What a failure of the database means for the engine: whether it came from the database at all,
 * and whether trying again later can help (the server is down or busy) or cannot (the database
 * refused the data itself, or the engine has a bug).
 */
public final class DatabaseFailure {

    /**
     * SQLSTATE classes of a refusal that repeats however often it is tried: data exception (22),
     * integrity constraint violation (23), syntax error or access rule violation (42).
     */
    private static final Set<String> LASTING_CLASSES = Set.of("22", "23", "42");

    private DatabaseFailure() {
    }

    /** Whether {@code failure} was caused by an {@link SQLException}. */
    public static boolean isDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether trying again cannot help: the database refused the data, or the failure is not the
     * database's at all (a bug). A connection lost, refused or timed out, or a server shutting
     * down, is not lasting.
     */
    public static boolean isLasting(Throwable failure) {
        if (!isDatabase(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5
                    && LASTING_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** The messages of {@code failure} and its causes on one line, for a log without a stack trace. */
    public static String describe(Throwable failure) {
        StringBuilder causes = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            causes.append(causes.isEmpty() ? "" : ": ").append(cause.getMessage());
        }
        return causes.toString();
    }
}
