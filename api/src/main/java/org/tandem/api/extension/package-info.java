/**
 * A tenant's extensions under {@code v1/tenants/{tenantId}/extensions}: list, create (the SIP password
 * is in that answer only), rename, new SIP password, delete, and all-or-nothing CSV import.
 */
package org.tandem.api.extension;
