/**
 * Recording a leg's audio to 8 kHz 16-bit PCM WAV: frames placed by RTP timestamp, reordered within a
 * window, duplicates written once, gaps filled with silence.
 */
package org.tandem.media.recording;
