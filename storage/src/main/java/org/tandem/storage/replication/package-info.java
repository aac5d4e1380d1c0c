/**
 * Multi-master replication between the nodes' PostgreSQL databases, set up by Tandem itself with
 * PostgreSQL's native logical replication (publications and {@code origin = none} subscriptions):
 * joining a node ({@link org.tandem.storage.replication.ClusterJoin}) and taking one out
 * ({@link org.tandem.storage.replication.ClusterRemoval}), keeping publications to what
 * every node's schema has ({@link org.tandem.storage.replication.PublicationAlignment}), the rule
 * that keeps writes conflict-free ({@link org.tandem.storage.replication.HomeNodeGuard}), and what
 * the operator sees of it ({@link org.tandem.storage.replication.ReplicationStatus}), the
 * commands ./tandem runs ({@link org.tandem.storage.replication.ClusterCommand}), and joins and
 * removals run from a member's page ({@link org.tandem.storage.replication.DatabaseMembershipChanges}).
 */
package org.tandem.storage.replication;
