/**
 * Multi-master replication between the nodes' PostgreSQL databases, set up by Tandem itself with
 * PostgreSQL's native logical replication (publications and {@code origin = none} subscriptions):
 * joining a node ({@link org.tandem.cluster.replication.ClusterJoin}) and taking one out
 * ({@link org.tandem.cluster.replication.ClusterRemoval}), keeping publications to what
 * every node's schema has ({@link org.tandem.cluster.replication.PublicationAlignment}), the rule
 * that keeps writes conflict-free ({@link org.tandem.cluster.replication.HomeNodeGuard}), and what
 * the operator sees of it ({@link org.tandem.cluster.replication.ReplicationStatus}), the
 * commands ./tandem runs ({@link org.tandem.cluster.command.ClusterCommand}), and joins and
 * removals run from a member's page ({@link org.tandem.cluster.replication.DatabaseMembershipChanges}).
 */
package org.tandem.cluster.replication;
