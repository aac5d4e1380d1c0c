/** A tenant's call history: its calls filtered by time, number and outcome, their count per day, and a CSV export. */
package org.tandem.administration.calls;
