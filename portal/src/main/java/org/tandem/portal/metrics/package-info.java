/**
 * The node's metrics for Prometheus at {@code GET /metrics} (text exposition format 0.0.4): node
 * health, phones, calls and replication, from the same overview as the operator's cluster page.
 */
package org.tandem.portal.metrics;
