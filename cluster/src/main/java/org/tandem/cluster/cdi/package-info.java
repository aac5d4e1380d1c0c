/** What the cluster offers the rest of the EAR through CDI ({@link org.tandem.cluster.cdi.ClusterServices}). */
package org.tandem.cluster.cdi;
