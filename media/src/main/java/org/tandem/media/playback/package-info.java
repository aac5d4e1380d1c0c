/** What legs play: prompts, tones and music as pre-encoded 20 ms frames, shared by every leg playing them. */
package org.tandem.media.playback;
