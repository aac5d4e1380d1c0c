/** The one thread that reads every leg's RTP and RTCP datagrams, over a selector. */
package org.tandem.media.receive;
