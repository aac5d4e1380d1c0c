/** Waiting in tests. */
package org.tandem.testsupport.time;
