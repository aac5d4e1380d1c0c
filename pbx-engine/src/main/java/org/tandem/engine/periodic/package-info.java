/** Work the engine repeats on a thread of its own (probes, clean-ups, refreshes), stopped with the engine. */
package org.tandem.engine.periodic;
