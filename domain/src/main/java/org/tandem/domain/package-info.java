/**
 * The business Tandem models: an operator hosts PBX service for tenants (small companies) sold
 * through resellers, on pools of nodes. Nothing here knows about SIP stacks, servlets or SQL; the
 * mapping annotations only describe how {@code storage} keeps these objects.
 */
package org.tandem.domain;
