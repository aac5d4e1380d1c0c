/** The operator's pages: the cluster's pools and nodes. */
package org.tandem.portal.operator;
