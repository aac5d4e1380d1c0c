/**
 * The engine's side of the cluster: handing a call to the node that holds the callee's registration,
 * and trusting such a hand-over only over TCP from a member node's SIP address, signed by that node
 * over everything the receiving node acts on, fresh, and never seen before
 * ({@link org.tandem.engine.cluster.HandOverCheck}, {@link org.tandem.engine.cluster.NodeHop}). The
 * other nodes' addresses come from the replicated {@code node} table
 * ({@link org.tandem.engine.cluster.ClusterPeers}).
 */
package org.tandem.engine.cluster;
