/**
 * The media engine as the signalling uses it: a leg opened from an offer (or making one), playing,
 * recording, digits, hold, close.
 */
package org.tandem.media.endpoint;
