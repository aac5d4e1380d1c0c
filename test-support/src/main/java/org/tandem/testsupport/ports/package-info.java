/** Free loopback ports for tests. */
package org.tandem.testsupport.ports;
