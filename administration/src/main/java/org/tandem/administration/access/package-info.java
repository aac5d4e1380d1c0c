/**
 * Who acts ({@link org.tandem.administration.access.Actor}) and what their role and scope let them
 * reach ({@link org.tandem.administration.access.Scope}). An object outside the actor's scope is
 * answered exactly like one that does not exist, so a tampered id tells nothing.
 */
package org.tandem.administration.access;
