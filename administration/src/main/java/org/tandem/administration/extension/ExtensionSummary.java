package org.tandem.administration.extension;

import java.util.UUID;

/** One extension as lists show it. */
public record ExtensionSummary(UUID id, String number, String displayName, int maxContacts) {
}
