package org.tandem.administration.extension;

import org.tandem.administration.access.Actor;

import java.util.UUID;

/**
 * A tenant's extensions. A tenant admin reaches its own tenant only; a reseller admin its customers';
 * the operator every tenant. Any other tenant or extension id is answered "No such ...".
 */
public interface ExtensionService {

    /** Field names, as {@link org.tandem.administration.shared.InvalidInputException} reports them. */
    String NUMBER = "number";
    String DISPLAY_NAME = "displayName";
    String LOGIN_USERNAME = "loginUsername";

    TenantExtensions extensions(Actor actor, UUID tenantId);

    /**
     * Creates the extension with a new SIP password and its mailbox, enabled, with a new PIN (both
     * generated and in the answer only).
     *
     * @throws org.tandem.administration.shared.InvalidInputException bad or taken number, bad name
     * @throws org.tandem.administration.shared.OverPlanException     the plan allows no more extensions
     */
    IssuedCredentials create(Actor actor, UUID tenantId, String number, String displayName);

    ExtensionSummary rename(Actor actor, UUID tenantId, UUID extensionId, String displayName);

    /** Replaces the SIP password: phones using the old one fail at their next registration. */
    IssuedCredentials newSipPassword(Actor actor, UUID tenantId, UUID extensionId);

    void delete(Actor actor, UUID tenantId, UUID extensionId);

    /**
     * Creates the portal login of a tenant user who sees this extension's phone and calls ("My phone"),
     * with a generated strong password. One login an extension.
     *
     * @throws org.tandem.administration.shared.InvalidInputException bad or taken username, or the
     *                                                                 extension has a login already
     */
    IssuedPortalLogin createPortalLogin(Actor actor, UUID tenantId, UUID extensionId, String username);

    /** Deletes the extension's portal login (and its API tokens); the extension itself stays. */
    void removePortalLogin(Actor actor, UUID tenantId, UUID extensionId);

    /** Creates every extension of {@code csv}, each with its mailbox as {@link #create} does, or none of them (see {@link ImportResult}). */
    ImportResult importCsv(Actor actor, UUID tenantId, String csv);
}
