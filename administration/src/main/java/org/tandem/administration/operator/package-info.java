/** The operator's view of the cluster: pools with their nodes and load, nodes with the phones they hold. */
package org.tandem.administration.operator;
