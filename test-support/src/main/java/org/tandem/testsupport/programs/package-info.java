/** The Debian programs tests run (SIPp, baresip, sox ...), found on the PATH. */
package org.tandem.testsupport.programs;
