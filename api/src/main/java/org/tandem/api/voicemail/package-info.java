/** An extension's voicemail: its mailbox's settings and counts, and its messages with their recordings. */
package org.tandem.api.voicemail;
