/**
 * Reading request bodies: JSON objects member by member, so a wrong type or an unknown member is a
 * 422 naming that member, and a body that is not JSON at all a 400.
 */
package org.tandem.api.request;
