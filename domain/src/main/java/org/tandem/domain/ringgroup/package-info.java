/**
 * Ring groups: a number of a tenant that rings several of its extensions, all at once or one after
 * another. A number of a tenant is either an extension or a ring group, never both.
 */
package org.tandem.domain.ringgroup;
