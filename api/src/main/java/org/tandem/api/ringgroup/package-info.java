/**
 * A tenant's ring groups under {@code v1/tenants/{tenantId}/ring-groups}: list, create, read, replace
 * (all but the number), delete.
 * A group's number shares the tenant's numbering with its extensions.
 */
package org.tandem.api.ringgroup;
