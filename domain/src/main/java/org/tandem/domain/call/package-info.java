/**
 * Calls: the record of every call attempt (CDR) a node handled, written once when the attempt
 * ends and never changed, so records replicated between nodes can never conflict; and the calls up
 * now ({@link org.tandem.domain.call.ActiveCall}), each published by the node handling it.
 */
package org.tandem.domain.call;
