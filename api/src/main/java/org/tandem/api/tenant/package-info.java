/** {@code /tenants/{tenantId}/...}: one tenant's extensions and registered phones. */
package org.tandem.api.tenant;
