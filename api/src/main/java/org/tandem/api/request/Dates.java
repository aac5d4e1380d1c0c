package org.tandem.api.request;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Days and instants as clients write them (RFC 3339), within the years 0001 to 9999 that RFC 3339's
 * four-digit years can name. Java reads years up to 999,999,999, which the database cannot store and
 * date arithmetic overflows on: such a value is refused here as the client's mistake it is.
 */
public final class Dates {

    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private Dates() {
    }

    /** A day such as {@code 2026-11-22}. */
    public static LocalDate day(String text) {
        LocalDate day = LocalDate.parse(text);
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw new DateTimeException("outside the years 0001 to 9999: " + text);
        }
        return day;
    }

    /** A date-time with its offset, such as {@code 2027-01-31T00:00:00Z}. */
    public static Instant instant(String text) {
        Instant instant = OffsetDateTime.parse(text).toInstant();
        if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END)) {
            throw new DateTimeException("outside the years 0001 to 9999: " + text);
        }
        return instant;
    }
}
