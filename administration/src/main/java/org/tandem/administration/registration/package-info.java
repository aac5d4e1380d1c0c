/**
 * The phones a tenant has registered now, on every node, and a way to be told when that changes
 * ({@link org.tandem.administration.registration.RegistrationChanges}, fed by the database's
 * notifications), so live views push instead of polling.
 */
package org.tandem.administration.registration;
