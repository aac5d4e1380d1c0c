/**
 * PostgreSQL LISTEN/NOTIFY as feeds of changes: a connection of its own listens on a channel that
 * triggers write to, so a node hears of rows written by itself and, through logical replication, by
 * every other node, without polling.
 */
package org.tandem.storage.notification;
