/**
 * The engine's side of the cluster: handing a call to the node that holds the callee's registration,
 * and trusting such a hand-over only when it carries a fresh signature under the cluster's secret
 * ({@link org.tandem.engine.cluster.NodeHop}). The other nodes' addresses come from the replicated
 * {@code node} table ({@link org.tandem.engine.cluster.ClusterPeers}).
 */
package org.tandem.engine.cluster;
