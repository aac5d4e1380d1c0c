/**
 * Holding more traffic than the node can answer in time: new work is refused early with 503 and
 * Retry-After, judged by how long SIP messages wait in the stack's queue.
 */
package org.tandem.engine.overload;
