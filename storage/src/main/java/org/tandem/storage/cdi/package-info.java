/**
 * CDI producers that expose storage's repositories to the portal and the engine inside WildFly, and
 * what this node knows of the cluster (the home-node rule, replication, heartbeats).
 */
package org.tandem.storage.cdi;
