package org.tandem.api.voicemail;

import java.util.List;

/** A mailbox's messages that are not deleted, newest first. */
public record VoicemailMessageList(String number, List<VoicemailMessage> messages) {
}
