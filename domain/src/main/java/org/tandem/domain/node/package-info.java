/**
 * The cluster's nodes, the addresses phones and peers reach them at, their heartbeats,
 * replication between them as one node sees it, and changes to which nodes are members.
 */
package org.tandem.domain.node;
