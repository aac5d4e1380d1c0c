/** A reseller's customers: list and search, onboard, details with DNS records, suspend and resume. */
package org.tandem.api.customer;
