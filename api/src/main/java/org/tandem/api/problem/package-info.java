/** RFC 9457 problem details: every refusal of the API, in one shape, with the services' own words. */
package org.tandem.api.problem;
