/** Who calls the API: a bearer API token, turned into the Actor the services act for. */
package org.tandem.api.security;
