/**
 * RTP (RFC 3550) on the wire: the packet read strictly and written, what is dropped and why, and the port
 * pairs legs bind from the node's range.
 */
package org.tandem.media.rtp;
