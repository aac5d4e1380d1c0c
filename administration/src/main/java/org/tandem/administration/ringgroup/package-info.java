/** A tenant's ring groups: list, create (members must be its extensions), delete. */
package org.tandem.administration.ringgroup;
