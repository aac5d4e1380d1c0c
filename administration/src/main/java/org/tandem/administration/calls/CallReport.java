package org.tandem.administration.calls;

import java.util.List;

/**
 * The calls a filter selects, newest first (at most {@link CallHistoryService#SHOWN}; {@code truncated}
 * says there were more), and the count of every day of the filter's range, days without calls as 0.
 */
public record CallReport(List<CallEntry> calls, boolean truncated, List<DayCount> perDay) {

    public CallReport {
        calls = List.copyOf(calls);
        perDay = List.copyOf(perDay);
    }
}
