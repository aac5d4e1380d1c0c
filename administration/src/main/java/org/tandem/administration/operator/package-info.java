/**
 * The operator's view of the cluster: pools with their nodes and load, nodes with their health, the
 * phones and calls they hold, and replication with every peer as this node sees it.
 */
package org.tandem.administration.operator;
