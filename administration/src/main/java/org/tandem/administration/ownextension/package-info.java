/**
 * What a tenant user (a company's employee) sees: their own extension's phones registered now and
 * its recent calls, and nothing else of the company.
 */
package org.tandem.administration.ownextension;
