package org.tandem.administration.extension;

import java.util.Optional;
import java.util.UUID;

/**
 * One extension as lists show it; {@code portalLogin} is the username of the tenant user who sees
 * its phone in the portal, null when it has none.
 */
public record ExtensionSummary(UUID id, String number, String displayName, int maxContacts, String portalLogin) {

    public Optional<String> login() {
        return Optional.ofNullable(portalLogin);
    }
}
