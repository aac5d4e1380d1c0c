/** Extensions of a tenant and the digest credentials their phones authenticate with. */
package org.tandem.domain.extension;
