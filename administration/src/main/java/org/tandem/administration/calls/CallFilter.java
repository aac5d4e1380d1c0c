package org.tandem.administration.calls;

import org.tandem.domain.call.CallDisposition;

import java.time.LocalDate;

/**
 * Which calls to show: those started from the first day to the last (both whole days, UTC), made or
 * dialled by {@code number} if given, ended as {@code disposition} if given.
 */
public record CallFilter(LocalDate from, LocalDate to, String number, CallDisposition disposition) {

    /** Field names, as {@link org.tandem.administration.shared.InvalidInputException} reports them. */
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String NUMBER = "number";

    /** The last {@code days} days up to today. */
    public static CallFilter lastDays(LocalDate today, int days) {
        return new CallFilter(today.minusDays(days - 1L), today, null, null);
    }
}
