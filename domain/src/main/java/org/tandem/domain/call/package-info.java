/**
 * Calls: the record of every call attempt (CDR) a node handled, written once when the attempt
 * ends and never changed, so records replicated between nodes can never conflict.
 */
package org.tandem.domain.call;
