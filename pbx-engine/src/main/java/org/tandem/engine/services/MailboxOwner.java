package org.tandem.engine.services;

import org.tandem.domain.tenant.PromptLanguage;

import java.util.Objects;

/**
 * Who a mailbox belongs to, as its callers hear and its mail names it.
 *
 * @param name        the extension's display name, empty if it has none
 * @param companyName the tenant's name
 * @param language    the tenant's prompt language
 */
public record MailboxOwner(String name, String companyName, PromptLanguage language) {

    public MailboxOwner {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(companyName, "company name");
        Objects.requireNonNull(language, "language");
    }
}
