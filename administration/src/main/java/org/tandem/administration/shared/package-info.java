/** What every service answers bad input with: field-by-field messages, and the plan's limits. */
package org.tandem.administration.shared;
