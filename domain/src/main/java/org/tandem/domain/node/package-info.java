/** The cluster's nodes and the addresses phones and peers reach them at. */
package org.tandem.domain.node;
