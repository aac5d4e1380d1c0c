/**
 * The operator's view of the cluster: pools with their nodes and load, nodes with their health, the
 * phones and calls they hold, and replication with every peer as this node sees it; and the
 * operator's changes to it from this node, joining a new node and removing one, run in the
 * background with their progress told to whoever watches.
 */
package org.tandem.administration.operator;
