/** G.711 mu-law and A-law: the one pair of codecs the media engine speaks (ADR 0033). */
package org.tandem.media.codec;
