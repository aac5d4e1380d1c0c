/** The operator that runs the cluster. */
package org.tandem.domain.operator;
