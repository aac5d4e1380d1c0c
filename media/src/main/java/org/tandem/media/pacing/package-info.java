/**
 * The one thread that sends every leg's 20 ms frames on a drift-free schedule, spread over the tick, and
 * how late it was.
 */
package org.tandem.media.pacing;
