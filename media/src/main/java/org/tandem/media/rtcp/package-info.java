/** RTCP (RFC 3550 section 6): sender and receiver reports read and written, and the statistics a receiver reports. */
package org.tandem.media.rtcp;
