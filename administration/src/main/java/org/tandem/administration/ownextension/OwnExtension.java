package org.tandem.administration.ownextension;

import org.tandem.administration.calls.CallEntry;
import org.tandem.administration.registration.RegisteredPhone;

import java.util.List;

/**
 * A tenant user's own extension: its phones registered now on every node, and its calls (made or
 * taken) of the last {@value OwnExtensionService#RECENT_DAYS} days, newest first.
 *
 * @param more whether older calls of that period were left out
 */
public record OwnExtension(String number, String displayName, List<RegisteredPhone> phones, List<CallEntry> calls,
                           boolean more) {
}
