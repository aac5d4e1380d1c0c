/**
 * Keys for the REST API: issued by a signed-in user for its own scope, shown once, revoked at will,
 * and turned back into the {@link org.tandem.administration.access.Actor} they act for.
 */
package org.tandem.administration.apitoken;
