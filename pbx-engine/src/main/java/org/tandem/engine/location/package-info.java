/**
 * The location service: this node's bindings in memory as its working copy, written behind to the
 * registration table that stays the cluster's shared truth ({@link org.tandem.engine.location.NodeBindings}).
 */
package org.tandem.engine.location;
