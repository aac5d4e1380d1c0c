/**
 * Reading requests: the address (well-formed percent-encoded UTF-8, no control characters), the
 * Content-Type and Accept headers, the body (bounded, valid text) and JSON objects member by member,
 * so a wrong type or an unknown member is a 422 naming that member, and a body that is not JSON
 * within the node's limits a 400.
 */
package org.tandem.api.request;
