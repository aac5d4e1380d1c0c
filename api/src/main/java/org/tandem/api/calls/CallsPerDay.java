package org.tandem.api.calls;

import java.time.LocalDate;

/** How many of the filter's calls started on one day (UTC). */
public record CallsPerDay(LocalDate day, long calls) {
}
