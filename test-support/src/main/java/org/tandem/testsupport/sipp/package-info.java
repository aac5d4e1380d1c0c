/** The real SIPp binary run against a node, for tests. */
package org.tandem.testsupport.sipp;
