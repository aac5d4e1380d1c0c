/**
 * Message-waiting lamps (RFC 3842 over RFC 6665): SUBSCRIBE for {@code message-summary}, kept in this
 * node's memory like dialogs, and the NOTIFYs sent to subscribers, and unsolicited to phones
 * registered here, whenever a mailbox's messages change on any node of the cluster.
 */
package org.tandem.engine.mwi;
