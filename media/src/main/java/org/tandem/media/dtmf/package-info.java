/**
 * DTMF: RFC 4733 events received (each press once) and sent, digits in SIP INFO bodies, and the bounded
 * queue of a leg's digits.
 */
package org.tandem.media.dtmf;
