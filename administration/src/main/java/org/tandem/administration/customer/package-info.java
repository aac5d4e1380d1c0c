/**
 * A reseller's customers (tenants): onboarding in one step (tenant, admin login, pool placement,
 * the DNS records the customer publishes), list and search, suspend and resume. The operator does
 * the same for every reseller.
 */
package org.tandem.administration.customer;
