/** Resellers: the companies that sell the operator's service to tenants. */
package org.tandem.domain.reseller;
