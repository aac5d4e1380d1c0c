/** Tenants: the customer companies, their SIP domains, plans and status. */
package org.tandem.domain.tenant;
