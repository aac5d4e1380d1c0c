/** The operator's pages: the cluster's pools, nodes and their health, and replication. */
package org.tandem.portal.operator;
