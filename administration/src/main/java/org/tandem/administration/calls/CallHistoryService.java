package org.tandem.administration.calls;

import org.tandem.administration.access.Actor;

import java.util.UUID;

/** A tenant's call history, for its admins, its reseller and the operator. */
public interface CallHistoryService {

    /** Most calls a report lists; the CSV export takes up to {@link #EXPORTED}. */
    int SHOWN = 500;
    int EXPORTED = 100_000;
    /** Longest range one report or export covers. */
    int MAX_DAYS = 366;

    /** @throws org.tandem.administration.shared.InvalidInputException a bad range or number */
    CallReport report(Actor actor, UUID tenantId, CallFilter filter);

    /** The filter's calls as CSV (RFC 4180, a header line, UTC times), oldest first. */
    String csv(Actor actor, UUID tenantId, CallFilter filter);
}
