package org.tandem.api.extension;

import org.tandem.administration.extension.ExtensionSummary;

import java.util.UUID;

/**
 * An extension.
 *
 * @param sipUser what its phones register as: {@code number@sipDomain}
 */
public record Extension(UUID id, String number, String displayName, int maxContacts, String sipUser) {

    static Extension of(ExtensionSummary summary, String sipDomain) {
        return new Extension(summary.id(), summary.number(), summary.displayName(), summary.maxContacts(),
                summary.number() + "@" + sipDomain);
    }
}
