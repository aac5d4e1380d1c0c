/** The commands ./tandem runs against a node's database: join, replication, remove ({@link org.tandem.cluster.command.ClusterCommand}). */
package org.tandem.cluster.command;
