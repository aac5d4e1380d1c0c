/**
 * What every service shares: field-by-field messages for bad input, the plan's limits, and the
 * node's event bus for live views ({@link org.tandem.administration.shared.TenantChanges}).
 */
package org.tandem.administration.shared;
