/**
 * The node's system sounds: the prompts of every installed language and the music on hold, read once at
 * start-up from Debian's sound packages and kept in memory in both G.711 laws, and the phrases (numbers,
 * extensions, message counts) said as sequences of those prompts.
 */
package org.tandem.media.sounds;
