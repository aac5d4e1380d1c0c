/**
 * A tenant's call history under {@code v1/tenants/{tenantId}/calls}: filtered by days, number and
 * outcome, with the count of every day, as JSON or as a CSV export.
 */
package org.tandem.api.calls;
