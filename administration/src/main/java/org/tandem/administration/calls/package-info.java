/**
 * A tenant's calls: its call history (filtered by time, number and outcome, their count per day, a
 * CSV export) and the calls up now on every node, with a way to be told when those change
 * ({@link org.tandem.administration.calls.ActiveCallChanges}, fed by the database's notifications).
 */
package org.tandem.administration.calls;
