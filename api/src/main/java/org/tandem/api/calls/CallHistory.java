package org.tandem.api.calls;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The calls a filter selects, newest first.
 *
 * @param truncated true when more calls matched than are listed; the CSV export has them all
 * @param perDay    every day of the range, days without calls as 0
 */
public record CallHistory(UUID tenantId, LocalDate from, LocalDate to, List<Call> calls, boolean truncated,
                          List<CallsPerDay> perDay) {
}
