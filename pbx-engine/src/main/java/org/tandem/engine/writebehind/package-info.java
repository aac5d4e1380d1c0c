/**
 * Writing to the database behind the SIP answers: values gathered for a few milliseconds and
 * written many to a transaction, retried while the database is away, written out at shutdown.
 */
package org.tandem.engine.writebehind;
