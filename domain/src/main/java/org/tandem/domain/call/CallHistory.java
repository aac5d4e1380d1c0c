package org.tandem.domain.call;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read side of the call records, for people: one tenant's calls in a time window, filtered, and
 * their count per day. Never crosses tenants.
 */
public interface CallHistory {

    /**
     * The tenant's calls started in [{@code from}, {@code to}), newest first, at most {@code limit}.
     *
     * @param number      only calls this number made or dialled; null for all
     * @param disposition only calls that ended so; null for all
     */
    List<CallRecord> calls(UUID tenantId, Instant from, Instant to, String number, CallDisposition disposition, int limit);

    /** How many calls the tenant started on each day (in {@code zone}) of [{@code from}, {@code to}); days without calls left out. */
    Map<LocalDate, Long> callsPerDay(UUID tenantId, Instant from, Instant to, ZoneId zone);

    /** What each of {@code tenantIds} called since {@code since}; tenants without calls are left out. */
    Map<UUID, CallUsage> usageSince(Collection<UUID> tenantIds, Instant since);
}
