/** Hand-written SIP peers that put exact bytes on the wire, independent of the engine's code. */
package org.tandem.testsupport.sip;
