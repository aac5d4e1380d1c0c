/**
 * Every error the API answers, as an RFC 9457 problem document ({@code application/problem+json}):
 * {@link org.tandem.api.problem.Problems} decides status, type and words for each exception the
 * services and the API raise, {@link org.tandem.api.problem.ProblemMapper} writes it.
 */
package org.tandem.api.problem;
