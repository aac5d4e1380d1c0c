/**
 * Where a tenant lives in the cluster: the pool a new tenant is placed in, and the one node that
 * writes a tenant's configuration at any moment (its home node). Keeping one writer per tenant is
 * what lets every node's PostgreSQL take writes without conflicts (docs/architecture.md).
 */
package org.tandem.router;
