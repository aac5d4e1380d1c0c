/**
 * Tenants: the customer companies, their SIP domains, plans and status, and the rule that a tenant's
 * configuration changes only on its home node.
 */
package org.tandem.domain.tenant;
