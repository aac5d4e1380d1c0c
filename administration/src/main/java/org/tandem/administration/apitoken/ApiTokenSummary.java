package org.tandem.administration.apitoken;

import java.time.Instant;
import java.util.UUID;

/** A token as lists show it: never its secret. */
public record ApiTokenSummary(UUID id, String label, Instant createdAt) {
}
