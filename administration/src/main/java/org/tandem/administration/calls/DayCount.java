package org.tandem.administration.calls;

import java.time.LocalDate;

/** How many calls started on one day. */
public record DayCount(LocalDate day, long calls) {
}
