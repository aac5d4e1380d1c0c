/** Test audio: tones to send, and the checks of what was recorded (length, a tone's power). */
package org.tandem.testsupport.audio;
