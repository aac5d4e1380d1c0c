/**
 * The cluster's nodes, the addresses phones and peers reach them at, their heartbeats, and
 * replication between them as one node sees it.
 */
package org.tandem.domain.node;
