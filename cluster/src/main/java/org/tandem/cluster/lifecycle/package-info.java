/** The node taking its place in the cluster at start ({@link org.tandem.cluster.lifecycle.ClusterLifecycle}). */
package org.tandem.cluster.lifecycle;
