/** The operator's and resellers' pages: customers (list, search, suspend, resume), onboarding, one customer's details. */
package org.tandem.portal.customer;
