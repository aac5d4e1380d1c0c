/**
 * How the engine tells a database failure that may pass (the database away, a lost connection) from one
 * that will not (a refused value), shared by the parts that write in the background, so none of them
 * reaches back into the engine's assembly for it.
 */
package org.tandem.engine.failure;
