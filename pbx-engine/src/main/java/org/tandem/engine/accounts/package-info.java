/**
 * The SIP accounts the engine authenticates, kept in memory in front of the database and dropped
 * as soon as the database announces a change ({@link org.tandem.engine.accounts.CachedSipAccounts}).
 */
package org.tandem.engine.accounts;
