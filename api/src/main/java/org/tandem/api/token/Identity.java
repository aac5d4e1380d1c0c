package org.tandem.api.token;

import org.tandem.domain.account.Role;

import java.util.UUID;

/**
 * Who the request acts for.
 *
 * @param resellerId for a reseller admin: its reseller
 * @param tenantId   for a tenant admin: its tenant, the id its extension paths take
 * @param proof      TOKEN or PASSWORD
 */
public record Identity(String username, Role role, UUID resellerId, UUID tenantId, String proof) {
}
