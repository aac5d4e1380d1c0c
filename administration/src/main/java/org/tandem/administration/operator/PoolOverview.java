package org.tandem.administration.operator;

/** One pool: its nodes in the order phones try them, and what it serves. */
public record PoolOverview(String name, String primaryNode, String secondaryNode, long tenants, long extensions) {
}
