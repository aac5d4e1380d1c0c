/**
 * SDP (RFC 4566) read strictly and written, for one G.711 audio stream, and the offer/answer model
 * (RFC 3264): the answer to an offer, this side's offers and re-offers, hold by direction or by the old
 * c=0.0.0.0.
 */
package org.tandem.media.sdp;
